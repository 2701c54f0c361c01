import type { FilterQuery } from 'mongoose';
import { toE164 } from '../customer-auth/identifier.ts';
import { escapeRegex } from '../platform/util/escape-regex.ts';
import type { TCustomerDoc } from './customer.model.ts';

/** Typed as a phone: digits and phone punctuation only, enough digits for a local number. */
const PHONE_CHARS = /^[\d\s().+-]+$/;

/**
 * What staff typed into the search box, as one filter: every word in the first or last name, or the
 * customer ID or email containing it, or a phone. A phone typed in any format is normalised with the
 * tenant's default country and matched exactly against the stored E.164 numbers; a shorter run of
 * digits matches as part of a number.
 */
export function customerSearchFilter(q: string, defaultCountry: string): FilterQuery<TCustomerDoc> {
  const text = q.trim();
  const contains = (s: string) => ({ $regex: escapeRegex(s), $options: 'i' });
  const anyOf: FilterQuery<TCustomerDoc>[] = [{ customerId: contains(text) }, { email: contains(text) }];
  const digits = text.replace(/\D/g, '');
  if (PHONE_CHARS.test(text) && digits.length >= 4) {
    const phone = digits.length >= 7 ? toE164(text, defaultCountry) : null;
    const match = phone ?? { $regex: escapeRegex(digits) };
    anyOf.push({ primaryPhone: match }, { additionalPhones: match });
  }
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length)
    anyOf.push({
      $and: words.map((w) => ({ $or: [{ firstName: contains(w) }, { lastName: contains(w) }] })),
    });
  return { $or: anyOf };
}

/** Staff's phone input as stored numbers (E.164), or the index of the first one that is not a phone. */
export function normalisePhones(
  phones: readonly string[],
  defaultCountry: string,
): { ok: true; phones: string[] } | { ok: false; index: number } {
  const out: string[] = [];
  for (const [index, raw] of phones.entries()) {
    if (!raw.trim()) continue;
    const phone = toE164(raw, defaultCountry);
    if (!phone) return { ok: false, index };
    if (!out.includes(phone)) out.push(phone);
  }
  return { ok: true, phones: out };
}

export const PHONE_FIELD_MESSAGE = 'Enter a phone number we can read, e.g. (402) 555-2007.';
