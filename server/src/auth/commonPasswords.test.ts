import { describe, expect, it } from 'vitest';
import { commonPasswords, isCommonPassword } from './commonPasswords.ts';

describe('common passwords', () => {
  it('lists well over a thousand of them', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(1000);
  });

  it('catches well-known ones whatever their case, and lets ordinary passphrases through', () => {
    for (const common of ['password123', 'Password123', 'qwertyuiop', '1234567890', 'iloveyou12', 'Sommar2024']) {
      expect(isCommonPassword(common), common).toBe(true);
    }
    for (const fine of ['correct horse battery staple', 'tre små grisar i Uppsala']) {
      expect(isCommonPassword(fine), fine).toBe(false);
    }
  });
});
