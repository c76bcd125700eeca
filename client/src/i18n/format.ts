import { useMemo } from 'react';
import type { MessageKey } from './areas.ts';
import { type Locale, type Translate, useI18n } from './i18n.tsx';

/** The BCP 47 tag used for dates and numbers in each UI language. */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', sv: 'sv-SE' };

/** Keys that exist in a `.one` / `.other` pair, e.g. `sessions.ended`. */
type PluralBase = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

export interface Formatters {
  /** 27 Nov 2026 / 27 nov. 2026 */
  date(value: string | Date): string;
  /** 27 Nov 2026, 14:05 */
  dateTime(value: string | Date): string;
  number(value: number): string;
  /** The `.one` or `.other` message for `count`, chosen by Intl.PluralRules; `{count}` is formatted. */
  plural(base: PluralBase, count: number, params?: Record<string, string | number>): string;
}

/** Builds the formatters for a locale (pure; see `useFormat` in components). */
export function formattersFor(locale: Locale, t: Translate): Formatters {
  const tag = INTL_LOCALE[locale];
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(tag);
  const rules = new Intl.PluralRules(tag);
  const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
  return {
    date: (value) => dateFormat.format(toDate(value)),
    dateTime: (value) => dateTimeFormat.format(toDate(value)),
    number: (value) => numberFormat.format(value),
    plural: (base, count, params) => {
      const form = rules.select(count) === 'one' ? 'one' : 'other';
      return t(`${base}.${form}` as MessageKey, { ...params, count: numberFormat.format(count) });
    },
  };
}

/** Dates, numbers and plurals in the UI's language. */
export function useFormat(): Formatters {
  const { locale, t } = useI18n();
  return useMemo(() => formattersFor(locale, t), [locale, t]);
}
