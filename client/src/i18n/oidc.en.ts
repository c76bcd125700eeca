/** English text for single sign-on (OpenID Connect): part of the `core` area, which the sign-in page loads. */
export const oidcEn = {
  'oidc.heading': 'Log in through your organisation',
  'oidc.signInWith': 'Log in with {name}',
  'oidc.orPassword': 'or with email and password',
  'oidc.linkNotice':
    'An account with this email already exists. Log in to it with its password once, and {provider} is linked to it: from then on you can log in with {provider} alone.',
  'error.oidc_state_invalid':
    'That sign-in link was not started in this browser, has expired or was already used. Please start again.',
  'error.oidc_code_rejected':
    'The sign-in service did not confirm this sign-in (the link may have been used already). Please start again.',
  'error.oidc_provider_unavailable': 'The sign-in service cannot be reached right now. Please try again later.',
  'error.oidc_cancelled': 'Signing in was cancelled at the sign-in service.',
  'error.oidc_email_unverified':
    'Your email address could not be used to sign in through this service: the service did not confirm it, or it is not yet confirmed here. Sign in with your password, or confirm your address first.',
  'error.oidc_account_disabled': 'This account has been disabled. Please contact the service’s administrators.',
} as const;
