import { oidcProviderIdSchema } from '@samverka/model';
import type { OidcProviderSettings } from '../config.ts';

type Parsed = { ok: true; providers: OidcProviderSettings[] } | { ok: false; problems: string[] };

/** Plain http is accepted only on this machine (a test or development provider), never across a network. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads `OIDC_PROVIDERS=uni,partner` and, for each id, `OIDC_<ID>_ISSUER`, `_CLIENT_ID`,
 * `_CLIENT_SECRET` (optional: a public client), `_NAME` and `_TRUST_EMAIL` (optional, `true`).
 * Each problem names its variable, like the rest of the configuration.
 */
export function parseOidcProviders(env: Record<string, string>): Parsed {
  const ids = (env.OIDC_PROVIDERS ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const problems: string[] = [];
  const providers: OidcProviderSettings[] = [];
  if (new Set(ids).size !== ids.length) problems.push('OIDC_PROVIDERS: lists a provider twice');
  for (const id of ids) {
    if (!oidcProviderIdSchema.safeParse(id).success) {
      problems.push(`OIDC_PROVIDERS: "${id}" must be a lower-case letter, then letters or digits (at most 32)`);
      continue;
    }
    const prefix = `OIDC_${id.toUpperCase()}_`;
    const read = (name: string) => env[prefix + name]?.trim() || undefined;
    const issuer = read('ISSUER');
    const clientId = read('CLIENT_ID');
    const name = read('NAME');
    const trust = read('TRUST_EMAIL') ?? 'false';
    const issuerProblem = checkIssuer(issuer);
    if (issuerProblem) problems.push(`${prefix}ISSUER: ${issuerProblem}`);
    if (!clientId) problems.push(`${prefix}CLIENT_ID: is required for a provider in OIDC_PROVIDERS`);
    if (!name) problems.push(`${prefix}NAME: is required (the sign-in button's label)`);
    else if (name.length > 60) problems.push(`${prefix}NAME: at most 60 characters`);
    if (trust !== 'true' && trust !== 'false') problems.push(`${prefix}TRUST_EMAIL: must be true or false`);
    if (issuer && clientId && name && !issuerProblem) {
      providers.push({
        id,
        name,
        issuer,
        clientId,
        clientSecret: read('CLIENT_SECRET'),
        trustEmail: trust === 'true',
      });
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, providers };
}

function checkIssuer(issuer: string | undefined): string | undefined {
  if (!issuer) return 'is required for a provider in OIDC_PROVIDERS';
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'must be an https:// URL (plain http only on localhost)';
}
