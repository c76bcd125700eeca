import type { SessionsEndedResponse, SessionsResponse } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useApiResource } from '../api/useApiResource.ts';
import { checkNewPassword, checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { PasswordField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';

/** `/account/sessions`: where one is signed in; end the others; change the password. */
export function SessionsPage() {
  const { t, locale } = useI18n();
  const sessions = useApiResource<SessionsResponse>('/api/sessions');
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const format = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  const passwordForm = useFormSubmit(
    { currentPassword: checkRequired(t, currentPassword), newPassword: checkNewPassword(t, newPassword) },
    async () => {
      setStatus(undefined);
      try {
        await api.post<SessionsEndedResponse>('/api/auth/password', { currentPassword, newPassword });
      } finally {
        sessions.reload();
      }
      setStatus(t('sessions.passwordChanged'));
      setCurrentPassword('');
      setNewPassword('');
    },
  );
  const shown = passwordForm.shown;

  async function endOthers() {
    setError(undefined);
    try {
      const res = await api.delete<SessionsEndedResponse>('/api/sessions/others');
      setStatus(t('sessions.ended', { count: res.ended }));
    } catch (e) {
      setError(e);
    }
    sessions.reload();
  }

  return (
    <div className="page">
      <h1>{t('sessions.heading')}</h1>
      {status && <output className="status">{status}</output>}
      <FormAlert error={error ?? passwordForm.error ?? sessions.error} />
      <ul className="session-list">
        {sessions.data?.sessions.map((s) => (
          <li key={s.id}>
            <strong>{s.current ? t('sessions.current') : (s.userAgent ?? '—')}</strong>
            <span className="muted"> · {t('sessions.lastSeen', { date: format.format(new Date(s.lastSeenAt)) })}</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={endOthers}>
        {t('sessions.endOthers')}
      </button>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('sessions.changePassword')}</h2>
        <form onSubmit={passwordForm.submit} noValidate>
          <PasswordField
            purpose="current"
            label={t('sessions.currentPassword')}
            value={currentPassword}
            onChange={setCurrentPassword}
            error={shown.currentPassword}
          />
          <PasswordField
            purpose="new"
            label={t('sessions.newPassword')}
            value={newPassword}
            onChange={setNewPassword}
            error={shown.newPassword}
          />
          <button type="submit">{t('sessions.changePassword')}</button>
        </form>
      </section>
    </div>
  );
}
