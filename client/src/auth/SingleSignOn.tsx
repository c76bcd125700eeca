import { OIDC_ERROR_PARAM, OIDC_LINK_PARAM, type OidcProvidersResponse } from '@samverka/model';
import { useApiResource } from '../api/useApiResource.ts';
import { isMessageKey, useI18n } from '../i18n/i18n.tsx';
import { buttonClass } from '../ui/index.ts';

/** The configured single sign-on providers; empty while loading and when none are configured. */
export function useSingleSignOnProviders(): OidcProvidersResponse['providers'] {
  return useApiResource<OidcProvidersResponse>('/api/auth/oidc/providers').data?.providers ?? [];
}

/**
 * One button per provider. Each is a plain link to the server's start route (a full page load:
 * the browser goes to the provider and comes back), carrying where to land afterwards, the
 * invitation the person came from (it lets them in under a restrictive sign-up policy) and the
 * UI language for an account made on the way.
 */
export function SingleSignOnButtons({
  providers,
  search,
}: {
  providers: OidcProvidersResponse['providers'];
  search: string;
}) {
  const { t, locale } = useI18n();
  if (providers.length === 0) return null;
  const query = new URLSearchParams(search);
  const params = new URLSearchParams({ locale });
  const next = query.get('next');
  const invitation = query.get('invitation');
  if (next) params.set('next', next);
  if (invitation) params.set('invitation', invitation);
  return (
    <section className="sso" aria-labelledby="sso-heading">
      <h2 id="sso-heading" className="sso-heading">
        {t('oidc.heading')}
      </h2>
      <ul className="sso-buttons">
        {providers.map((provider) => (
          <li key={provider.id}>
            <a
              className={buttonClass('secondary', 'md', 'sso-button')}
              href={`/api/auth/oidc/${encodeURIComponent(provider.id)}/start?${params}`}
            >
              {t('oidc.signInWith', { name: provider.name })}
            </a>
          </li>
        ))}
      </ul>
      <p className="sso-or hint">{t('oidc.orPassword')}</p>
    </section>
  );
}

/**
 * What an OpenID Connect round trip left in the sign-in page's address: a refusal to explain,
 * or a provider identity waiting for this account's password.
 */
export function SingleSignOnNotices({
  providers,
  search,
}: {
  providers: OidcProvidersResponse['providers'];
  search: string;
}) {
  const { t } = useI18n();
  const query = new URLSearchParams(search);
  const errorId = query.get(OIDC_ERROR_PARAM);
  const linkId = query.get(OIDC_LINK_PARAM);
  const errorKey = `error.${errorId}`;
  const linkName = providers.find((provider) => provider.id === linkId)?.name ?? linkId;
  return (
    <>
      {errorId && (
        <p role="alert" className="form-alert">
          {isMessageKey(errorKey) ? t(errorKey) : t('error.generic')}
        </p>
      )}
      {linkName && (
        <p role="status" className="sso-link-notice">
          {t('oidc.linkNotice', { provider: linkName })}
        </p>
      )}
    </>
  );
}
