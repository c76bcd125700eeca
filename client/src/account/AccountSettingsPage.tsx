import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useNavigate } from '../router/router.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { PasswordField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button, buttonClass, PageHeader, Panel, useConfirm, useToast } from '../ui/index.ts';
import { NotificationSettings } from './NotificationSettings.tsx';

/** `/account/settings`: notification emails, download one's data, delete one's account. */
export function AccountSettingsPage() {
  const { t } = useI18n();
  const { user, forgetUser } = useAuth();
  const confirm = useConfirm();
  const toast = useToast();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');

  const deletion = useFormSubmit({ password: checkRequired(t, password) }, async () => {
    const yes = await confirm({
      title: t('account.deleteConfirmTitle'),
      body: t('account.deleteConfirmBody', { email: user?.email ?? '' }),
      confirmLabel: t('account.delete'),
    });
    if (!yes) return;
    await api.delete('/api/me', { password });
    forgetUser();
    toast(t('account.deleted'), 'success');
    navigate('/', { replace: true });
  });

  return (
    <div className="page">
      <PageHeader title={t('account.heading')} actions={<Link to="/account/sessions">{t('nav.account')}</Link>} />
      <NotificationSettings />
      <Panel title={t('account.dataTitle')} className="panel-spaced">
        <p>{t('account.dataIntro')}</p>
        {/* A plain link: the server answers with a JSON attachment, so the browser saves it. */}
        <a className={buttonClass('secondary', 'md')} href="/api/me/export" download="samverka-account.json">
          {t('account.download')}
        </a>
      </Panel>
      <Panel title={t('account.deleteTitle')} className="panel-spaced">
        <p>{t('account.deleteIntro')}</p>
        <form onSubmit={deletion.submit} noValidate>
          <FormAlert error={deletion.formError} />
          <PasswordField
            purpose="current"
            label={t('account.deletePassword')}
            value={password}
            onChange={setPassword}
            error={deletion.shown.password}
          />
          <Button type="submit" variant="danger" busy={deletion.busy} busyLabel={t('form.saving')}>
            {t('account.delete')}
          </Button>
        </form>
      </Panel>
    </div>
  );
}
