import { passwordResetTokenSchema, type SessionsEndedResponse } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router/router.tsx';
import { Card, FormAlert } from '../shell/forms.tsx';
import { EmailField, PasswordField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button, ButtonLink } from '../ui/index.ts';
import { useAuth } from './AuthProvider.tsx';
import { checkEmail, checkNewPassword } from './credentialChecks.ts';

/** `/forgot-password`: asks for a reset link by email. The answer is the same whether or not the account exists. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const { submit, busy, formError, shown } = useFormSubmit({ email: checkEmail(t, email) }, async () => {
    await api.post('/api/auth/password-reset', { email });
    setSentTo(email);
  });

  return (
    <Card title={t('reset.forgotHeading')}>
      {sentTo ? (
        <p role="status">{t('reset.sent', { email: sentTo })}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('reset.forgotIntro')}</p>
          <FormAlert error={formError} />
          <EmailField value={email} onChange={setEmail} error={shown.email} />
          <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
            {t('reset.send')}
          </Button>
        </form>
      )}
      <p>
        <Link to="/login">{t('nav.login')}</Link>
      </p>
    </Card>
  );
}

/**
 * `/reset-password#<token>`: sets a new password with the emailed link. The token sits in the
 * fragment, which the browser never sends to a server, so it reaches no access log.
 */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const location = useLocation();
  const { forgetUser } = useAuth();
  const token = location.hash.slice(1);
  const tokenLooksRight = passwordResetTokenSchema.safeParse(token).success;
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { submit, busy, formError, shown } = useFormSubmit({ newPassword: checkNewPassword(t, password) }, async () => {
    await api.post<SessionsEndedResponse>('/api/auth/password-reset/confirm', { token, newPassword: password });
    // Every session of the account ended, this browser's too.
    forgetUser();
    setDone(true);
  });

  if (!tokenLooksRight) {
    return (
      <Card title={t('reset.heading')}>
        <p className="notice">{t('error.reset_token_invalid')}</p>
        <ButtonLink to="/forgot-password">{t('reset.askAgain')}</ButtonLink>
      </Card>
    );
  }
  return (
    <Card title={t('reset.heading')}>
      {done ? (
        <>
          <p role="status">{t('reset.done')}</p>
          <ButtonLink to="/login">{t('nav.login')}</ButtonLink>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <FormAlert error={formError} />
          <PasswordField
            purpose="new"
            label={t('reset.newPassword')}
            value={password}
            onChange={setPassword}
            error={shown.newPassword}
          />
          <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
            {t('reset.submit')}
          </Button>
        </form>
      )}
    </Card>
  );
}
