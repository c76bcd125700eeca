import { LOCALES, type Locale } from '@samverka/model';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { MessageKey } from './en.ts';

// One home for the list of languages: the model (the server's emails follow the same choice).
export { LOCALES, type Locale };

type Catalogue = Record<MessageKey, string>;

/**
 * Each language's text is its own chunk and only the one in use is downloaded: both together
 * are 12 KB gzip, an eighth of the sign-in page's JavaScript budget (docs/benchmarks.md).
 */
const loaders: Record<Locale, () => Promise<Catalogue>> = {
  en: async () => (await import('./en.ts')).en,
  sv: async () => (await import('./sv.ts')).sv,
};
const catalogues: Partial<Record<Locale, Catalogue>> = {};

async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  catalogues[locale] ??= await loaders[locale]();
  return catalogues[locale];
}

/** Loads the starting language's text; main.tsx renders once it is there. */
export async function prepareI18n(): Promise<void> {
  await loadCatalogue(initialLocale());
}

/** Whether `key` names a message (every catalogue has the same keys; catalogues.test.ts). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.values(catalogues).some((catalogue) => key in catalogue);
}

const STORAGE_KEY = 'samverka.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** The saved choice, else Swedish for Swedish browsers, else English. */
function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'sv') return saved;
  return navigator.language.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    // The page keeps its language until the other one's text has arrived.
    void loadCatalogue(next).then(() => {
      document.documentElement.lang = next;
      setLocaleState(next);
    });
  }, []);
  const value = useMemo<I18nValue>(() => {
    document.documentElement.lang = locale;
    const catalogue = catalogues[locale];
    if (!catalogue) throw new Error(`the ${locale} catalogue is not loaded: call prepareI18n() before rendering`);
    const t: Translate = (key, params) =>
      catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
    return { locale, setLocale, t };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current locale, its switcher, and `t` for UI text. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
