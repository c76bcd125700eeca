import type { SessionsEndedResponse, SessionsResponse } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useApiResource } from '../api/useApiResource.ts';
import { checkNewPassword, checkRequired } from '../auth/credentialChecks.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { PasswordField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button, PageHeader, Panel, useConfirm } from '../ui/index.ts';

/** `/account/sessions`: where one is signed in; end the others; change the password. */
export function SessionsPage() {
  const { t } = useI18n();
  const format = useFormat();
  const confirm = useConfirm();
  const sessions = useApiResource<SessionsResponse>('/api/sessions');
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

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
    const yes = await confirm({ title: t('sessions.endOthersTitle'), confirmLabel: t('sessions.endOthers') });
    if (!yes) return;
    setError(undefined);
    try {
      const res = await api.delete<SessionsEndedResponse>('/api/sessions/others');
      setStatus(format.plural('sessions.ended', res.ended));
    } catch (e) {
      setError(e);
    }
    sessions.reload();
  }

  return (
    <div className="page">
      <PageHeader title={t('sessions.heading')} actions={<Link to="/account/settings">{t('account.heading')}</Link>} />
      {status && <output className="status">{status}</output>}
      <FormAlert error={error ?? passwordForm.formError ?? sessions.error} />
      <ul className="session-list">
        {sessions.data?.sessions.map((s) => (
          <li key={s.id}>
            <strong>{s.current ? t('sessions.current') : (s.userAgent ?? '—')}</strong>
            <span className="muted"> · {t('sessions.lastSeen', { date: format.dateTime(s.lastSeenAt) })}</span>
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={endOthers}>
        {t('sessions.endOthers')}
      </Button>
      <Panel title={t('sessions.changePassword')} className="panel-spaced">
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
          <Button type="submit">{t('sessions.changePassword')}</Button>
        </form>
      </Panel>
    </div>
  );
}
