import { type FormEvent, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Card, FormAlert, TextField } from '../shell/forms.tsx';
import { useAuth } from './AuthProvider.tsx';
import { checkEmail, checkRequired } from './credentialChecks.ts';
import { nextPath } from './RequireAuth.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { logIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState(new URLSearchParams(location.search).get('email') ?? '');
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const problems = { email: checkEmail(t, email), password: checkRequired(t, password) };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problems.email || problems.password) return;
    setBusy(true);
    setError(undefined);
    try {
      await logIn({ email, password });
      navigate(nextPath(location.search), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('login.heading')}>
      <form onSubmit={submit} noValidate>
        <FormAlert error={error} />
        <TextField
          label={t('form.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={touched ? problems.email : undefined}
        />
        <TextField
          label={t('form.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={touched ? problems.password : undefined}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('form.saving') : t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link to={`/signup${location.search}`}>{t('nav.signup')}</Link>
      </p>
    </Card>
  );
}
