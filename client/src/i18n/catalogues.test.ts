import { LOCALES } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import { AREAS } from './areas.ts';
import { areaText } from './testing.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it.each(AREAS)('%s: Swedish has every English key, non-empty, with the same placeholders', async (area) => {
    const en = await areaText(area, 'en');
    const sv = await areaText(area, 'sv');
    for (const [key, english] of Object.entries(en)) {
      const swedish = sv[key] ?? '';
      expect(swedish, key).toBeTruthy();
      expect(placeholders(swedish), key).toEqual(placeholders(english));
    }
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
  });

  it('give each key one area, so no area silently overrides another once both are loaded', async () => {
    for (const locale of LOCALES) {
      const owner = new Map<string, string>();
      for (const area of AREAS) {
        for (const key of Object.keys(await areaText(area, locale))) {
          expect(owner.get(key), `${key} (${locale}) is in ${owner.get(key)} and ${area}`).toBeUndefined();
          owner.set(key, area);
        }
      }
    }
  });

  it('keep the sign-in page small: the core area is the shell and signing in, not every page', async () => {
    const core = Object.keys(await areaText('core', 'en'));
    expect(core).toContain('login.submit');
    expect(core.filter((key) => /^(field|editor|snapshots|members|comments|register|account)\./.test(key))).toEqual([]);
  });
});
