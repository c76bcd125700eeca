// Apart from oidc.ts (zod schemas) so the sign-in page can read them without zod in its first download.

/**
 * Query parameters the sign-in page adds after an OpenID Connect round trip: `oidc_error` (an
 * error id) when it was refused, `oidc_link` (a provider id) when an existing account must be
 * proven with its password before the provider's identity is linked to it.
 */
export const OIDC_ERROR_PARAM = 'oidc_error';
export const OIDC_LINK_PARAM = 'oidc_link';
