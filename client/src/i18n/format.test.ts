import { describe, expect, it } from 'vitest';
import { formattersFor } from './format.ts';
import { everyMessage, translatorFor as translate } from './testing.ts';

const en = await everyMessage('en');
const sv = await everyMessage('sv');

describe('formatters', () => {
  it('choose the plural form by Intl.PluralRules and format the count in the locale', () => {
    const english = formattersFor('en', translate(en));
    expect(english.plural('sessions.ended', 1)).toBe('1 other session ended.');
    expect(english.plural('sessions.ended', 3)).toBe('3 other sessions ended.');
    const swedish = formattersFor('sv', translate(sv));
    expect(swedish.plural('sessions.ended', 1)).toBe('1 annan session avslutades.');
    expect(swedish.number(12345)).toBe('12\u00a0345');
  });

  it('write dates in the UI language', () => {
    const day = new Date('2026-11-27T12:00:00Z');
    expect(formattersFor('en', translate(en)).date(day)).toBe('27 Nov 2026');
    expect(formattersFor('sv', translate(sv)).date(day)).toBe('27 nov. 2026');
  });
});
