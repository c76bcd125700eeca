import { TERM_YEARS_MAX, TERM_YEARS_MIN } from '@samverka/model';
import { ApiRequestError } from '../api/apiClient.ts';
import type { Translate } from '../i18n/i18n.tsx';

/**
 * The server's per-field messages are English zod text for developers; a person
 * sees the catalogue message for the same rule instead, never the raw text.
 */
export function translateFieldError(t: Translate, field: string, message: string): string {
  if (/^enter (a|your) (name|title|password)$/.test(message)) return t('form.required');
  if (message === 'enter a valid email address') return t('form.invalidEmail');
  const tooShort = /^use at least (\d+) characters$/.exec(message);
  if (tooShort) return t('form.passwordTooShort', { min: Number(tooShort[1]) });
  const tooLong = /<=\s*(\d+) characters/.exec(message);
  if (tooLong) return t('form.tooLong', { max: Number(tooLong[1]) });
  if (field === 'termYears') return t('form.termRange', { min: TERM_YEARS_MIN, max: TERM_YEARS_MAX });
  if (field === 'startDate') return t('form.invalidDate');
  return t('form.invalidValue');
}

/** The server's field errors of `error`, translated, keyed by field name. */
export function serverFieldErrors(t: Translate, error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError)) return {};
  return Object.fromEntries(
    Object.entries(error.fields).map(([field, message]) => [field, translateFieldError(t, field, message)]),
  );
}

/**
 * The error for the form's banner: none when every field the server named is shown
 * next to its input, so one problem is said once.
 */
export function bannerError(error: unknown, shownFields: readonly string[]): unknown {
  if (!(error instanceof ApiRequestError)) return error;
  const fields = Object.keys(error.fields);
  if (fields.length > 0 && fields.every((field) => shownFields.includes(field))) return undefined;
  return error;
}
