import { PERSON_NAME_MAX_LENGTH } from '@samverka/model';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Card, FormAlert, TextField } from '../shell/forms.tsx';
import { EmailField, PasswordField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button } from '../ui/index.ts';
import { useAuth } from './AuthProvider.tsx';
import { checkEmail, checkNewPassword, checkRequired } from './credentialChecks.ts';
import { nextPath } from './RequireAuth.tsx';

export function SignupPage() {
  const { t } = useI18n();
  const { signUp } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(new URLSearchParams(location.search).get('email') ?? '');
  const [password, setPassword] = useState('');
  const problems = {
    name: checkRequired(t, name),
    email: checkEmail(t, email),
    password: checkNewPassword(t, password),
  };
  const { submit, busy, formError, shown } = useFormSubmit(problems, async () => {
    await signUp({ name, email, password });
    navigate(nextPath(location.search), { replace: true });
  });

  return (
    <Card title={t('signup.heading')}>
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
