import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../constants.ts';

/**
 * The most common passwords that still pass a length rule (from public breach top-lists), lower-cased.
 * Checked case-insensitively; the message tells the person why it was refused.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '1111111111',
  '0000000000',
  '1234512345',
  '9876543210',
  'qwertyuiop',
  'qwertyuiop1',
  'qwerty1234',
  'qwerty12345',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'zaq12wsxcde',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'password!1',
  'p@ssw0rd123',
  'passwordpassword',
  'iloveyou123',
  'welcome123',
  'welcome1234',
  'letmein123',
  'abc1234567',
  'abcdefghij',
  'abcd123456',
  'football123',
  'baseball123',
  'superman123',
  'monkey12345',
  'dragon12345',
  'princess123',
  'sunshine123',
  'trustno1234',
  'starwars123',
  'whatever123',
  'internet123',
  'wireless123',
  'changeme123',
  'administrator',
  'qwertyqwerty',
  'asdfghjkl1',
  'asdfghjkl;',
  'zxcvbnm123',
  '1234qwer!@',
  'computer123',
  'michael123',
  'jennifer123',
  'liverpool123',
  'chocolate1',
  'basketball',
  'basketball1',
  'christmas1',
  'pokemon123',
]);

export const ZNewPassword = z
  .string()
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((p) => p.length >= PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), {
    message: 'This password is too common and easy to guess. Choose another.',
  });

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
