import { describe, expect, it } from 'vitest';
import { localPathOrNull } from './localPath.ts';

const ORIGIN = 'https://samverka.example';

describe('localPathOrNull', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(localPathOrNull('/p/abc?x=1#h', ORIGIN)).toBe('/p/abc?x=1#h');
  });

  it.each([
    ['a tab that makes a browser read //evil.example', decodeURIComponent('/%09/evil.example')],
    ['a newline that makes a browser read //evil.example', decodeURIComponent('/%0a/evil.example')],
    ['a backslash that a browser reads as a slash', decodeURIComponent('/%5cevil.example')],
    ['a scheme-relative address', '//evil.example/p'],
    ['an absolute address', 'https://evil.example/p'],
    ['a relative path', 'p/abc'],
    ['nothing', undefined],
  ])('refuses %s', (_what, next) => {
    expect(localPathOrNull(next, ORIGIN)).toBeNull();
  });

  it('returns what the browser would request, not the raw text', () => {
    expect(localPathOrNull('/p/../admin', ORIGIN)).toBe('/admin');
    expect(localPathOrNull('/%09/evil.example', ORIGIN)).toBe('/%09/evil.example');
  });
});
