import { describe, expect, it } from 'vitest';
import { CloseCode, closeCodeName, providerStopsAfter, TERMINAL_CLOSE_CODES } from './closeCodes.ts';

describe('close codes', () => {
  const codes = Object.values(CloseCode);

  it('are unique, so a code always means one thing', () => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are standard codes or in the application range 4000–4999', () => {
    for (const code of codes) expect(code === 1001 || code === 1009 || (code >= 4000 && code <= 4999)).toBe(true);
  });

  it('map back to their names', () => {
    for (const [name, code] of Object.entries(CloseCode)) expect(closeCodeName(code)).toBe(name);
    expect(closeCodeName(4999)).toBeUndefined();
  });

  it('are terminal for a standard provider exactly when reconnecting cannot help', () => {
    for (const code of codes)
      expect(providerStopsAfter(code), closeCodeName(code)).toBe(TERMINAL_CLOSE_CODES.has(code));
  });

  it('mark refusals as terminal and transient failures as retryable', () => {
    expect(TERMINAL_CLOSE_CODES.has(CloseCode.MALFORMED_MESSAGE)).toBe(true);
    expect(TERMINAL_CLOSE_CODES.has(CloseCode.GOING_AWAY)).toBe(false);
    expect(TERMINAL_CLOSE_CODES.has(CloseCode.REAUTHORIZE)).toBe(false);
  });
});
