import * as client from 'openid-client';
import type { OidcProviderSettings } from '../config.ts';

/** The configured providers, each with its discovered metadata once a sign-in has needed it. */
export class OidcClients {
  private readonly discovered = new Map<string, Promise<client.Configuration>>();

  constructor(
    private readonly providers: readonly OidcProviderSettings[],
    private readonly publicUrl: string,
  ) {}

  /** Providers in configured order, for the sign-in page. */
  list(): readonly OidcProviderSettings[] {
    return this.providers;
  }

  settingsOf(id: string): OidcProviderSettings | undefined {
    return this.providers.find((provider) => provider.id === id);
  }

  /** The one redirect URI registered at the provider for `id`. */
  callbackUrl(id: string): string {
    return `${this.publicUrl}/api/auth/oidc/${id}/callback`;
  }

  /**
   * The provider's configuration from its discovery document. Discovered on first use, not at
   * start-up, so a provider that is down does not stop Samverka; a failed discovery is tried again
   * by the next sign-in.
   */
  configurationOf(settings: OidcProviderSettings): Promise<client.Configuration> {
    let pending = this.discovered.get(settings.id);
    if (!pending) {
      pending = discover(settings);
      pending.catch(() => this.discovered.delete(settings.id));
      this.discovered.set(settings.id, pending);
    }
    return pending;
  }
}

function discover(settings: OidcProviderSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // Config validation allows http only for loopback issuers (tests, development).
  const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
  const auth = settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None();
  return client.discovery(issuer, settings.clientId, undefined, auth, { execute, timeout: 10 });
}
