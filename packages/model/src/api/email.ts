import { EMAIL_MAX_LENGTH } from './limits.ts';

/**
 * What an email address must look like: dot-separated local parts of letters, digits and
 * `_ ' + -` (not ending in `'`), an `@`, dot-separated domain labels each starting with a
 * letter or digit, and a top-level domain of two or more letters. The zod `emailSchema`
 * checks with this same pattern, so the browser and the API agree on every address.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An address as the API stores it: trimmed and lower-cased. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Whether the API's `emailSchema` would accept `value`; without zod, for the sign-in page
 * whose first download must stay small (docs/benchmarks.md, "First page").
 */
export function isEmailAddress(value: string): boolean {
  const email = normaliseEmail(value);
  return email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email);
}
