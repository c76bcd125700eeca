import { PERSON_NAME_MAX_LENGTH, type SignupPolicyResponse } from '@samverka/model';
import { useState } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import { type Translate, useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation, useNavigate } from '../router/router.tsx';
import { Card, FormAlert, TextField } from '../shell/forms.tsx';
import { EmailField, PasswordField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button } from '../ui/index.ts';
import { useAuth } from './AuthProvider.tsx';
import { checkEmail, checkNewPassword, checkRequired } from './credentialChecks.ts';
import { nextPath } from './RequireAuth.tsx';
import { SingleSignOnButtons, useSingleSignOnProviders } from './SingleSignOn.tsx';

/** What the sign-up policy means for this visitor, or null when anyone may sign up (or they hold an invitation). */
function policyNotice(t: Translate, policy: SignupPolicyResponse | undefined, invited: boolean): string | null {
  if (!policy || invited || policy.mode === 'open') return null;
  if (policy.mode === 'invite-only') return t('signup.policy.inviteOnly');
  return t('signup.policy.domains', { domains: policy.domains.join(', ') });
}

export function SignupPage() {
  const { t, locale } = useI18n();
  const { signUp } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const query = new URLSearchParams(location.search);
  const invitationToken = query.get('invitation') ?? undefined;
  const policy = useApiResource<SignupPolicyResponse>('/api/auth/signup-policy').data;
  const providers = useSingleSignOnProviders();
  const notice = policyNotice(t, policy, invitationToken !== undefined);
  const [name, setName] = useState('');
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [password, setPassword] = useState('');
  const problems = {
    name: checkRequired(t, name),
    email: checkEmail(t, email),
    password: checkNewPassword(t, password),
  };
  const { submit, busy, formError, shown } = useFormSubmit(problems, async () => {
    await signUp({ name, email, password, locale, ...(invitationToken ? { invitationToken } : {}) });
    navigate(nextPath(location.search), { replace: true });
  });

  return (
    <Card title={t('signup.heading')}>
      {notice && <p className="notice">{notice}</p>}
      <SingleSignOnButtons providers={providers} search={location.search} />
      <form onSubmit={submit} noValidate>
        <FormAlert error={formError} />
        <TextField
          label={t('form.name')}
          name="name"
          autoComplete="name"
          maxLength={PERSON_NAME_MAX_LENGTH}
          value={name}
          onChange={setName}
          error={shown.name}
        />
        <EmailField value={email} onChange={setEmail} error={shown.email} />
        <PasswordField purpose="new" value={password} onChange={setPassword} error={shown.password} />
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('signup.submit')}
        </Button>
      </form>
      <p>
        {t('signup.haveAccount')} <Link to={`/login${location.search}`}>{t('nav.login')}</Link>
      </p>
    </Card>
  );
}
