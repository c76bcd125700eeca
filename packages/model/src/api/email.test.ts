import { describe, expect, it } from 'vitest';
import { emailSchema } from './common.ts';
import { isEmailAddress } from './email.ts';
import { EMAIL_MAX_LENGTH } from './limits.ts';

const longLocal = 'a'.repeat(EMAIL_MAX_LENGTH - '@example.se'.length);
const cases: [string, boolean][] = [
  ['anna@example.se', true],
  ['  Anna.Berg@Uni.Example.SE ', true],
  ["o'brien+tag@example.org", true],
  ['first.last-x_y@sub-domain.example.com', true],
  [`${longLocal}@example.se`, true],
  [`${longLocal}a@example.se`, false],
  ['', false],
  ['anna', false],
  ['anna@', false],
  ['@example.se', false],
  ['anna@example', false],
  ['anna@example.s', false],
  ['anna@-example.se', false],
  ['anna..berg@example.se', false],
  ["anna'@example.se", false],
  ['anna berg@example.se', false],
  ['anna@exa mple.se', false],
  ['anna@@example.se', false],
  ['anna@example.se.', false],
];

describe('the light email check the sign-in page uses', () => {
  it.each(cases)('%j: %s', (input, valid) => {
    expect(isEmailAddress(input)).toBe(valid);
  });

  it.each(cases)('agrees with the API schema on %j', (input, valid) => {
    expect(emailSchema.safeParse(input).success).toBe(valid);
  });
});
