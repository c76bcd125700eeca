import { isCommonPassword } from './commonPasswords.ts';

/** OWASP's argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane. */
// `Algorithm` is a const enum we cannot import under verbatimModuleSyntax; 2 is Argon2id.
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2 is loaded with the first password hashed or checked, not at start-up: its loader
 * (native module plus the libc detection around it) added ~6 MB to an idle server that may
 * only ever see single sign-on or existing sessions (docs/benchmarks.md, "Idle server").
 */
let argon2: Promise<typeof import('@node-rs/argon2')> | undefined;
function loadArgon2(): Promise<typeof import('@node-rs/argon2')> {
  argon2 ??= import('@node-rs/argon2');
  return argon2;
}

/** Hashes a password into a PHC string carrying its own salt and parameters. */
export async function hashPassword(password: string): Promise<string> {
  const { hash } = await loadArgon2();
  return hash(password, ARGON2_OPTIONS);
}

/** Checks a password against a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  const { verify } = await loadArgon2();
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when an email is unknown so a
 * login attempt takes as long whether or not the account exists.
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

export { isCommonPassword };
