import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/apiClient.ts';
import { everyMessage, translatorFor } from '../i18n/testing.ts';
import { bannerError, serverFieldErrors, translateFieldError } from './fieldErrors.ts';

const en = await everyMessage('en');
const t = translatorFor(en);

describe('server field errors', () => {
  it('become catalogue messages, never the raw zod text', () => {
    expect(translateFieldError(t, 'name', 'enter a name')).toBe('Required');
    expect(translateFieldError(t, 'email', 'enter a valid email address')).toBe('Enter a valid email address');
    expect(translateFieldError(t, 'password', 'use at least 10 characters')).toBe('Use at least 10 characters');
    expect(translateFieldError(t, 'title', 'Too big: expected string to have <=200 characters')).toBe(
      'Use at most 200 characters',
    );
    expect(translateFieldError(t, 'termYears', 'Too small: expected number to be >=1')).toBe(
      'Enter a whole number of years from 1 to 50',
    );
    expect(translateFieldError(t, 'x', 'Invalid input: expected string')).toBe(en['form.invalidValue']);
  });

  it('are said once: no banner when every named field is shown by its input', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'bad', { name: 'enter a name' });
    expect(serverFieldErrors(t, error)).toEqual({ name: 'Required' });
    expect(bannerError(error, ['name', 'phase'])).toBeUndefined();
    expect(bannerError(error, ['phase'])).toBe(error);
    const other = new ApiRequestError(409, 'last_owner', 'no');
    expect(bannerError(other, ['name'])).toBe(other);
  });
});
