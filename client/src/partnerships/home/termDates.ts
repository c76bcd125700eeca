import { RECOMMENDED_MIN_TERM_YEARS } from '@samverka/model';

/** The day a term ends: `startDate` (YYYY-MM-DD) plus whole years, or null when either is unknown. */
export function termEndDate(startDate: string | null, termYears: number | null): Date | null {
  if (!startDate || !termYears) return null;
  const start = new Date(`${startDate}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return null;
  const end = new Date(start);
  end.setUTCFullYear(start.getUTCFullYear() + termYears);
  return end;
}

/** Whether a term meets the domain's five-year rule; null when no term is set. */
export function meetsFiveYearRule(termYears: number | null): boolean | null {
  return termYears === null ? null : termYears >= RECOMMENDED_MIN_TERM_YEARS;
}
