import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

const uni = {
  OIDC_UNI_ISSUER: 'https://idp.uni.se/realms/staff',
  OIDC_UNI_CLIENT_ID: 'samverka',
  OIDC_UNI_CLIENT_SECRET: 's3cret',
  OIDC_UNI_NAME: 'Uppsala University',
};

describe('OIDC_PROVIDERS', () => {
  it('is empty by default: password sign-in only', () => {
    expect(loadConfig({}).oidcProviders).toEqual([]);
  });

  it('reads each listed provider from its OIDC_<ID>_* variables, in listed order', () => {
    const config = loadConfig({
      OIDC_PROVIDERS: 'partner, uni',
      ...uni,
      OIDC_PARTNER_ISSUER: 'https://login.acme.example',
      OIDC_PARTNER_CLIENT_ID: 'samverka-acme',
      OIDC_PARTNER_NAME: 'Acme AB',
      OIDC_PARTNER_TRUST_EMAIL: 'true',
    });
    expect(config.oidcProviders).toEqual([
      {
        id: 'partner',
        name: 'Acme AB',
        issuer: 'https://login.acme.example',
        clientId: 'samverka-acme',
        clientSecret: undefined,
        trustEmail: true,
      },
      {
        id: 'uni',
        name: 'Uppsala University',
        issuer: 'https://idp.uni.se/realms/staff',
        clientId: 'samverka',
        clientSecret: 's3cret',
        trustEmail: false,
      },
    ]);
  });

  it('names every missing or bad variable', () => {
    const problems = () =>
      loadConfig({
        OIDC_PROVIDERS: 'uni,Bad-Id,uni',
        OIDC_UNI_ISSUER: 'http://idp.uni.se',
        OIDC_UNI_TRUST_EMAIL: 'yes',
      });
    expect(problems).toThrow(ConfigError);
    const message = (() => {
      try {
        problems();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain('OIDC_PROVIDERS: lists a provider twice');
    expect(message).toContain('OIDC_PROVIDERS: "Bad-Id"');
    expect(message).toContain('OIDC_UNI_ISSUER: must be an https:// URL (plain http only on localhost)');
    expect(message).toContain('OIDC_UNI_CLIENT_ID: is required');
    expect(message).toContain('OIDC_UNI_NAME: is required');
    expect(message).toContain('OIDC_UNI_TRUST_EMAIL: must be true or false');
  });

  it('accepts plain http only for an issuer on this machine', () => {
    const local = loadConfig({ OIDC_PROVIDERS: 'uni', ...uni, OIDC_UNI_ISSUER: 'http://127.0.0.1:9000' });
    expect(local.oidcProviders[0]?.issuer).toBe('http://127.0.0.1:9000');
    expect(() =>
      loadConfig({ OIDC_PROVIDERS: 'uni', ...uni, OIDC_UNI_ISSUER: 'http://127.0.0.1.evil.example' }),
    ).toThrow(/OIDC_UNI_ISSUER/);
  });
});
