import { z } from 'zod';

/**
 * A configured OpenID Connect provider's id: what `OIDC_PROVIDERS` lists and the sign-in
 * routes name (`/api/auth/oidc/<id>/start`). Lower-case, so `OIDC_<ID>_*` variables map to it one way.
 */
export const oidcProviderIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9]{0,31}$/, 'a lower-case letter, then letters or digits');
export type OidcProviderId = z.infer<typeof oidcProviderIdSchema>;

/** GET /api/auth/oidc/providers: one sign-in button per provider, in configured order. */
export const oidcProvidersResponseSchema = z.object({
  providers: z.array(z.object({ id: oidcProviderIdSchema, name: z.string() })),
});
export type OidcProvidersResponse = z.infer<typeof oidcProvidersResponseSchema>;
