import { describe, expect, it } from 'vitest';
import { signupRequestSchema } from './auth.ts';
import { cleanName } from './common.ts';
import { createPartnershipRequestSchema } from './partnerships.ts';

describe('names', () => {
  it('are NFC-normalised', () => {
    expect(cleanName('Ha\u030Akan')).toBe('Håkan'.normalize('NFC'));
    expect(cleanName('Ha\u030Akan')).toHaveLength(5);
  });

  it('lose control characters and bidirectional overrides, isolates and marks', () => {
    expect(cleanName('Eve\u202Enimda\u202C')).toBe('Evenimda');
    expect(cleanName('\u2067Mallory\u2069\u200F\u061C')).toBe('Mallory');
    expect(cleanName('Tab\there\u0000\u0007\u009B')).toBe('Tabhere');
  });

  it('keep joiners that scripts and emoji need', () => {
    expect(cleanName('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(cleanName('👩\u200D🔬 Ada')).toBe('👩\u200D🔬 Ada');
  });

  it('are cleaned by the request schemas, and a name of hidden characters only is empty', () => {
    const signup = signupRequestSchema.parse({ email: 'a@b.se', password: 'long enough pass', name: ' Ann\u202E ' });
    expect(signup.name).toBe('Ann');
    expect(
      signupRequestSchema.safeParse({ email: 'a@b.se', password: 'long enough pass', name: '\u202E\u0007' }).success,
    ).toBe(false);
    const partnership = createPartnershipRequestSchema.parse({
      name: 'Research\u2066 school',
      universityName: 'Linnaeus',
      partnerName: 'Partner AB',
      side: 'university',
    });
    expect(partnership.name).toBe('Research school');
  });
});
