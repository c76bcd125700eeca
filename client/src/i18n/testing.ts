import type { Locale } from '@samverka/model';
import { AREA_LOADERS, AREAS, type Area, type MessageKey } from './areas.ts';

/** One area's text in one language, fetched through the loaders the app uses. */
export function areaText(area: Area, locale: Locale): Promise<Record<string, string>> {
  return AREA_LOADERS[area][locale]();
}

/** For tests: every area's text in one language, merged, as if every page had been visited. */
export async function everyMessage(locale: Locale): Promise<Record<MessageKey, string>> {
  const areas = await Promise.all(AREAS.map((area) => areaText(area, locale)));
  return Object.assign({}, ...areas);
}

/** For tests: `t` over a whole catalogue, placeholders filled from `params` (empty when missing). */
export function translatorFor(catalogue: Record<MessageKey, string>) {
  return (key: MessageKey, params?: Record<string, string | number>) =>
    catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? ''));
}
