import { describe, expect, it } from 'vitest';
import { meetsFiveYearRule, termEndDate } from './termDates.ts';

describe('term dates', () => {
  it('end the given number of whole years after the start', () => {
    expect(termEndDate('2026-03-01', 5)?.toISOString().slice(0, 10)).toBe('2031-03-01');
    expect(termEndDate(null, 5)).toBeNull();
    expect(termEndDate('2026-03-01', null)).toBeNull();
  });

  it('meet the five-year rule at five years or more', () => {
    expect(meetsFiveYearRule(5)).toBe(true);
    expect(meetsFiveYearRule(3)).toBe(false);
    expect(meetsFiveYearRule(null)).toBeNull();
  });
});
