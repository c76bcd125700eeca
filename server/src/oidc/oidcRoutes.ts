import {
  ErrorId,
  type ErrorIdValue,
  idSchema,
  localeSchema,
  localPathOrNull,
  OIDC_ERROR_PARAM,
  OIDC_LINK_PARAM,
  type OidcProvidersResponse,
  oidcProviderIdSchema,
  oidcProvidersResponseSchema,
} from '@samverka/model';
import type { Context } from 'hono';
import * as client from 'openid-client';
import { z } from 'zod';
import type { AppServices } from '../appServices.ts';
import { limitAttempts } from '../auth/attemptLimits.ts';
import { setSessionCookie } from '../auth/sessionCookie.ts';
import type { OidcProviderSettings } from '../config.ts';
import { apiErrors } from '../http/apiErrors.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { type ProviderClaims, resolveIdentity } from './identityResolver.ts';
import { claimLoginAttempt, type LoginAttempt, storeLoginAttempt } from './loginAttempts.ts';
import { OidcClients } from './oidcClients.ts';
import { oidcCookies } from './oidcCookies.ts';

const providerParams = z.object({ provider: oidcProviderIdSchema });

const startQuery = z.object({
  next: z.string().max(500).optional(),
  invitation: idSchema.optional(),
  locale: localeSchema.optional(),
});

/**
 * OpenID Connect sign-in: authorization code with PKCE. `start` keeps state, nonce and verifier
 * in the database under the state's hash and the state in an HttpOnly cookie, then sends the
 * browser to the provider; `callback` checks the state against the cookie, claims the attempt
 * once, redeems the code, and signs the person in the way password login does. Refusals send the
 * browser back to the sign-in page with an error id rather than showing a JSON body.
 */
export function mountOidcRoutes(router: ApiRouter, services: AppServices): void {
  const { config, db, log } = services;
  const clients = new OidcClients(config.oidcProviders, config.publicUrl);
  const tag = 'Accounts';
  const providerOf = (id: string): OidcProviderSettings => {
    const settings = clients.settingsOf(id);
    if (!settings) throw apiErrors.notFound();
    return settings;
  };

  router.add(
    {
      method: 'get',
      path: '/api/auth/oidc/providers',
      tag,
      summary: 'The single sign-on providers the sign-in page offers',
      access: 'public',
      response: oidcProvidersResponseSchema,
      status: 200,
    },
    ({ c }) => {
      const providers = clients.list().map(({ id, name }) => ({ id, name }));
      return c.json({ providers } satisfies OidcProvidersResponse, 200);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/auth/oidc/:provider/start',
      tag,
      summary: "Begin signing in through a provider: redirects to the provider's sign-in page",
      access: 'public',
      params: providerParams,
      query: startQuery,
      status: 302,
    },
    async ({ c, params }) => {
      const settings = providerOf(params.provider);
      // Each start stores a row for ten minutes: per address, like sign-up, so nobody fills the table.
      await limitAttempts(c, services, 'oidc', undefined);
      const query = startQuery.safeParse(c.req.query());
      const input = query.success ? query.data : {};
      let configuration: client.Configuration;
      try {
        configuration = await clients.configurationOf(settings);
      } catch (error) {
        log.warn({ provider: settings.id, err: describe(error) }, 'OpenID provider discovery failed');
        return backToSignIn(c, ErrorId.OIDC_PROVIDER_UNAVAILABLE);
      }
      const state = client.randomState();
      const attempt: LoginAttempt = {
        provider: settings.id,
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        invitationToken: input.invitation ?? null,
        nextPath: localPathOrNull(input.next, config.publicUrl),
        locale: input.locale ?? 'en',
      };
      await storeLoginAttempt(db, state, attempt);
      oidcCookies.setState(c, state, config.publicUrl);
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: clients.callbackUrl(settings.id),
        scope: 'openid email profile',
        state,
        nonce: attempt.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
        code_challenge_method: 'S256',
      });
      return c.redirect(url.href, 302);
    },
  );

  router.add(
    {
      method: 'get',
      path: '/api/auth/oidc/:provider/callback',
      tag,
      summary: 'Where the provider sends the browser back: signs in, links after a password sign-in, or refuses',
      access: 'public',
      params: providerParams,
      status: 302,
    },
    async ({ c, params }) => {
      const settings = providerOf(params.provider);
      const state = c.req.query('state');
      const expected = oidcCookies.takeState(c, config.publicUrl);
      // Compared before anything is claimed: a forged callback cannot use up a real attempt.
      if (!state || !expected || state !== expected) return backToSignIn(c, ErrorId.OIDC_STATE_INVALID);
      const attempt = await claimLoginAttempt(db, settings.id, state);
      if (!attempt) return backToSignIn(c, ErrorId.OIDC_STATE_INVALID);
      if (c.req.query('error')) return backToSignIn(c, ErrorId.OIDC_CANCELLED);
      const claims = await redeemCode(c, settings, state, attempt);
      if (typeof claims === 'string') return backToSignIn(c, claims);
      const outcome = await resolveIdentity(db, {
        provider: settings,
        claims,
        signup: config.signup,
        mailer: services.mailer,
        invitationToken: attempt.invitationToken,
        locale: attempt.locale,
      });
      if (outcome.kind === 'refused') return backToSignIn(c, outcome.errorId);
      // Checked again on the way out: an attempt stored before this check existed may hold anything.
      const next = localPathOrNull(attempt.nextPath, config.publicUrl);
      if (outcome.kind === 'linkPending') {
        oidcCookies.setLink(c, outcome.token, config.publicUrl);
        // No email here: the address in a URL would tell whoever reads it that an account has it.
        const query = new URLSearchParams({ [OIDC_LINK_PARAM]: settings.id });
        if (next) query.set('next', next);
        return c.redirect(`/login?${query}`, 302);
      }
      const { token } = await services.sessions.create(outcome.user.id, c.req.header('user-agent') ?? null);
      setSessionCookie(c, token, config.publicUrl);
      log.info({ provider: settings.id, userId: outcome.user.id }, 'signed in through OpenID Connect');
      return c.redirect(next ?? '/p', 302);
    },
  );

  /** The code for tokens, checked (PKCE, state, nonce, ID token), then the claims; an error id when refused. */
  async function redeemCode(
    c: Context,
    settings: OidcProviderSettings,
    state: string,
    attempt: LoginAttempt,
  ): Promise<ProviderClaims | ErrorIdValue> {
    let configuration: client.Configuration;
    try {
      configuration = await clients.configurationOf(settings);
    } catch (error) {
      log.warn({ provider: settings.id, err: describe(error) }, 'OpenID provider discovery failed');
      return ErrorId.OIDC_PROVIDER_UNAVAILABLE;
    }
    // The URL the provider redirected to, as registered there: behind a proxy the request's own URL differs.
    const currentUrl = new URL(clients.callbackUrl(settings.id));
    currentUrl.search = new URL(c.req.url).search;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) return ErrorId.OIDC_CODE_REJECTED;
      const userInfo = configuration.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
        : {};
      // The signed ID token wins where both speak.
      return { ...userInfo, ...idClaims };
    } catch (error) {
      // Never the code, the tokens or the URL: only what kind of refusal it was.
      log.warn({ provider: settings.id, err: describe(error) }, 'OpenID provider refused the sign-in');
      return ErrorId.OIDC_CODE_REJECTED;
    }
  }
}

function backToSignIn(c: Context, errorId: ErrorIdValue): Response {
  return c.redirect(`/login?${new URLSearchParams({ [OIDC_ERROR_PARAM]: errorId })}`, 302);
}

/** An error's kind and OAuth error code, without anything that might quote a secret. */
function describe(error: unknown): { name: string; code?: string; error?: string } {
  if (!(error instanceof Error)) return { name: typeof error };
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  return {
    name: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof oauthError === 'string' ? { error: oauthError } : {}),
  };
}
