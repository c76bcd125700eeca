import { isEmailAddress, PASSWORD_MIN_LENGTH } from '@samverka/model';
import type { Translate } from '../i18n/i18n.tsx';

/**
 * Client-side checks with translated messages; the server checks again with the same rules.
 * No zod here: these run on the sign-in page, whose first download is kept small.
 */
export function checkEmail(t: Translate, email: string): string | undefined {
  if (!email.trim()) return t('form.required');
  return isEmailAddress(email) ? undefined : t('form.invalidEmail');
}

export function checkNewPassword(t: Translate, password: string): string | undefined {
  return password.length >= PASSWORD_MIN_LENGTH ? undefined : t('form.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
}

export function checkRequired(t: Translate, value: string): string | undefined {
  return value.trim() ? undefined : t('form.required');
}
