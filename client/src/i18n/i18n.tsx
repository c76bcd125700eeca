import { LOCALES, type Locale } from '@samverka/model';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { AREA_LOADERS, type Area, type MessageKey } from './areas.ts';

export type { Area, MessageKey };
// One home for the list of languages: the model (the server's emails follow the same choice).
export { LOCALES, type Locale };

/** The text loaded so far per language: the areas asked for, merged (areas.ts). */
const messages: Record<Locale, Partial<Record<MessageKey, string>>> = { en: {}, sv: {} };
const arriving: Record<Locale, Map<Area, Promise<void>>> = { en: new Map(), sv: new Map() };
/** Areas some page has asked for: a change of language loads these in the new language. */
const areasInUse = new Set<Area>();

function loadArea(locale: Locale, area: Area): Promise<void> {
  let loading = arriving[locale].get(area);
  if (!loading) {
    loading = AREA_LOADERS[area][locale]().then((text) => {
      Object.assign(messages[locale], text);
    });
    // A failed download (offline) is tried again by the next page that needs the area.
    loading.catch(() => arriving[locale].delete(area));
    arriving[locale].set(area, loading);
  }
  return loading;
}

const STORAGE_KEY = 'samverka.locale';

/** The saved choice, else Swedish for Swedish browsers, else English. */
function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'sv') return saved;
  return navigator.language.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

/** The language on screen, and the one being switched to (the same unless a switch is under way). */
let shownLocale: Locale | undefined;
let nextLocale: Locale | undefined;

/**
 * Loads the text of `areas` in the language on screen (and in the one being switched to). A lazy
 * route awaits this together with its code (App.tsx), so its page never renders before its text.
 */
export async function loadMessages(...areas: Area[]): Promise<void> {
  shownLocale ??= initialLocale();
  const locales = new Set([shownLocale, nextLocale ?? shownLocale]);
  for (const area of areas) areasInUse.add(area);
  await Promise.all([...locales].flatMap((locale) => areas.map((area) => loadArea(locale, area))));
}

/** A route's lazy import that resolves once its areas' text has arrived too (App.tsx). */
export async function withMessages<Module>(code: Promise<Module>, ...areas: Area[]): Promise<Module> {
  const [module] = await Promise.all([code, loadMessages(...areas)]);
  return module;
}

/** Loads the shell's and sign-in's text in the starting language; main.tsx renders once it is there. */
export function prepareI18n(): Promise<void> {
  return loadMessages('core');
}

/** Whether `key` names a message loaded so far (every language has the same keys; catalogues.test.ts). */
export function isMessageKey(key: string): key is MessageKey {
  return LOCALES.some((locale) => key in messages[locale]);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);
const reportedMissing = new Set<string>();

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    shownLocale ??= initialLocale();
    return shownLocale;
  });
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    nextLocale = next;
    // The page keeps its language until the new one's text has arrived for every area in use.
    void Promise.all([...areasInUse].map((area) => loadArea(next, area))).then(() => {
      if (nextLocale !== next) return; // switched again meanwhile
      shownLocale = next;
      nextLocale = undefined;
      document.documentElement.lang = next;
      setLocaleState(next);
    });
  }, []);
  const value = useMemo<I18nValue>(() => {
    document.documentElement.lang = locale;
    const catalogue = messages[locale];
    const t: Translate = (key, params) => {
      const text = catalogue[key];
      if (text === undefined) {
        // A page used text from an area its route does not load (App.tsx): say so once, show the key.
        if (!reportedMissing.has(key)) console.error(`i18n: "${key}" is not loaded in ${locale}`);
        reportedMissing.add(key);
        return key;
      }
      return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
    };
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
