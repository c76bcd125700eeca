import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation, useNavigate } from '../router/router.tsx';
import { Card, FormAlert } from '../shell/forms.tsx';
import { EmailField, PasswordField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button } from '../ui/index.ts';
import { useAuth } from './AuthProvider.tsx';
import { checkEmail, checkRequired } from './credentialChecks.ts';
import { nextPath } from './RequireAuth.tsx';
import { SingleSignOnButtons, SingleSignOnNotices, useSingleSignOnProviders } from './SingleSignOn.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { logIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState(new URLSearchParams(location.search).get('email') ?? '');
  const [password, setPassword] = useState('');
  const providers = useSingleSignOnProviders();
  const problems = { email: checkEmail(t, email), password: checkRequired(t, password) };
  const { submit, busy, formError, shown } = useFormSubmit(problems, async () => {
    await logIn({ email, password });
    navigate(nextPath(location.search), { replace: true });
  });

  return (
    <Card title={t('login.heading')}>
      <SingleSignOnNotices providers={providers} search={location.search} />
      <SingleSignOnButtons providers={providers} search={location.search} />
      <form onSubmit={submit} noValidate>
        <FormAlert error={formError} />
        <EmailField value={email} onChange={setEmail} error={shown.email} />
        <PasswordField purpose="current" value={password} onChange={setPassword} error={shown.password} />
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('login.submit')}
        </Button>
      </form>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to={`/signup${location.search}`}>{t('nav.signup')}</Link>
      </p>
    </Card>
  );
}
