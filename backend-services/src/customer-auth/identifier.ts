import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type Identifier = { kind: 'email'; email: string } | { kind: 'phone'; phone: string };

/**
 * What a person typed into "email or phone": an email (lower-cased) or a phone number in any common
 * format, normalised to E.164 with the tenant's default country. Null when it is neither.
 */
export function parseIdentifier(raw: string, defaultCountry: string): Identifier | null {
  const value = raw.trim();
  if (value.includes('@')) {
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? { kind: 'email', email: value.toLowerCase() } : null;
  }
  const phone = toE164(value, defaultCountry);
  return phone ? { kind: 'phone', phone } : null;
}

export function toE164(raw: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

/** A stable form of what was typed, for rate-limit keys: the normalised value when there is one. */
export function identifierKey(raw: string, parsed: Identifier | null): string {
  if (!parsed) return raw.trim().toLowerCase();
  return parsed.kind === 'email' ? parsed.email : parsed.phone;
}
