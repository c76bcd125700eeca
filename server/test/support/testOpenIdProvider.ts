/// <reference path="./oidcProviderTypes.d.ts" />
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type FoundAccount } from 'oidc-provider';
import { freePort, ServerProcess } from './serverProcess.ts';

/** A person known to the test provider; `login` is what they type at its sign-in form and their `sub`. */
export interface TestIdentity {
  login: string;
  email: string;
  name: string;
  /** What the provider says in `email_verified`; true unless a test says otherwise. */
  emailVerified?: boolean;
}

/**
 * A provider to be started once Samverka's address is known: its port and client secret are
 * chosen first, so Samverka can be started with `env` and the provider with Samverka's callback URL.
 */
export interface TestProviderPlan {
  id: string;
  name: string;
  port: number;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `OIDC_<ID>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET`, `_NAME` for Samverka. */
  env: Record<string, string>;
}

export async function planTestOpenIdProvider(id: string, name: string): Promise<TestProviderPlan> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = `samverka-${id}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const prefix = `OIDC_${id.toUpperCase()}_`;
  const env = {
    [`${prefix}ISSUER`]: issuer,
    [`${prefix}CLIENT_ID`]: clientId,
    [`${prefix}CLIENT_SECRET`]: clientSecret,
    [`${prefix}NAME`]: name,
  };
  return { id, name, port, issuer, clientId, clientSecret, env };
}

/** `OIDC_PROVIDERS` and every plan's variables. */
export function oidcEnv(...plans: TestProviderPlan[]): Record<string, string> {
  return Object.assign({ OIDC_PROVIDERS: plans.map((plan) => plan.id).join(',') }, ...plans.map((plan) => plan.env));
}

export interface TestOpenIdProvider {
  plan: TestProviderPlan;
  addIdentity(identity: TestIdentity): void;
  stop(): Promise<void>;
}

/**
 * A real, certified OpenID Provider (`oidc-provider`) for `plan`, with one confidential client whose
 * only redirect URI is Samverka's callback at `samverkaOrigin`. Its development interactions are the
 * sign-in form (any login listed with `addIdentity`, any password) and the consent page; PKCE is
 * required, as it should be in production.
 */
export async function startTestOpenIdProvider(
  plan: TestProviderPlan,
  samverkaOrigin: string,
): Promise<TestOpenIdProvider> {
  const { issuer, clientId, clientSecret } = plan;
  const redirectUri = `${samverkaOrigin}/api/auth/oidc/${plan.id}/callback`;
  const identities = new Map<string, TestIdentity>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(24).toString('base64url')] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, sub: string): Promise<FoundAccount | undefined> {
      const identity = identities.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: identity.email,
          email_verified: identity.emailVerified ?? true,
          name: identity.name,
        }),
      };
    },
  });
  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(plan.port, '127.0.0.1', () => resolve());
  });
  if ((server.address() as AddressInfo).port !== plan.port) throw new Error('test provider port moved');
  return {
    plan,
    addIdentity(identity) {
      identities.set(identity.login, identity);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Samverka server process with two providers side by side: the university's and the partner company's. */
export interface TwoProviderWorld {
  server: ServerProcess;
  uni: TestOpenIdProvider;
  partner: TestOpenIdProvider;
  stop(): Promise<void>;
}

/**
 * Plans both providers, starts Samverka with their settings and `env`, then the providers with
 * Samverka's callback URLs (Samverka discovers them only at the first sign-in).
 */
export async function startTwoProviderWorld(env: Record<string, string> = {}): Promise<TwoProviderWorld> {
  const uniPlan = await planTestOpenIdProvider('uni', 'Uppsala University');
  const partnerPlan = await planTestOpenIdProvider('partner', 'Acme AB');
  const server = await ServerProcess.start({ ...oidcEnv(uniPlan, partnerPlan), ...env });
  const uni = await startTestOpenIdProvider(uniPlan, server.origin);
  const partner = await startTestOpenIdProvider(partnerPlan, server.origin);
  return {
    server,
    uni,
    partner,
    async stop() {
      await server.stop();
      await uni.stop();
      await partner.stop();
    },
  };
}
