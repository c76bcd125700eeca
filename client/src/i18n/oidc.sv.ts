import type { oidcEn } from './oidc.en.ts';

/** Swedish text for single sign-on (OpenID Connect): part of the `core` area. */
export const oidcSv: Record<keyof typeof oidcEn, string> = {
  'oidc.heading': 'Logga in via din organisation',
  'oidc.signInWith': 'Logga in med {name}',
  'oidc.orPassword': 'eller med e-post och lösenord',
  'oidc.linkNotice':
    'Det finns redan ett konto med den här e-postadressen. Logga in på det med lösenordet en gång, så kopplas {provider} till kontot: därefter kan du logga in med enbart {provider}.',
  'error.oidc_state_invalid':
    'Inloggningen startades inte i den här webbläsaren, har gått ut eller har redan använts. Börja om.',
  'error.oidc_code_rejected':
    'Inloggningstjänsten bekräftade inte inloggningen (länken kan redan ha använts). Börja om.',
  'error.oidc_provider_unavailable': 'Inloggningstjänsten går inte att nå just nu. Försök igen senare.',
  'error.oidc_cancelled': 'Inloggningen avbröts hos inloggningstjänsten.',
  'error.oidc_email_unverified':
    'Din e-postadress kunde inte användas för inloggning via den här tjänsten: tjänsten bekräftade den inte, eller så är den inte bekräftad här ännu. Logga in med ditt lösenord, eller bekräfta adressen först.',
  'error.oidc_account_disabled': 'Kontot har stängts av. Kontakta tjänstens administratörer.',
};
