import { NOTIFICATION_MODES, type NotificationMode, type UserResponse } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from '../shell/forms.tsx';
import { Button, Panel, useToast } from '../ui/index.ts';

/**
 * How mentions and replies reach the person by email (immediately, a daily digest, or not),
 * and, while their address is unconfirmed, a way to have the confirmation link sent again.
 */
export function NotificationSettings() {
  const { t } = useI18n();
  const { user, replaceUser } = useAuth();
  const toast = useToast();
  // The choice shows at once; the saved account replaces it, a refusal puts the old one back.
  const [chosen, setChosen] = useState<NotificationMode | undefined>(undefined);
  const [resending, setResending] = useState(false);
  if (!user) return null;

  const choose = async (mode: NotificationMode) => {
    setChosen(mode);
    try {
      replaceUser((await api.patch<UserResponse>('/api/me', { notifications: mode })).user);
      toast(t('notifications.saved'), 'success');
    } catch (error) {
      toast(errorMessage(t, error), 'error');
    } finally {
      setChosen(undefined);
    }
  };
  const current = chosen ?? user.notifications;
  const resend = async () => {
    setResending(true);
    try {
      await api.post('/api/auth/verify-email/resend');
      toast(t('notifications.resent', { email: user.email }), 'success');
    } catch (error) {
      toast(errorMessage(t, error), 'error');
    } finally {
      setResending(false);
    }
  };

  return (
    <Panel title={t('notifications.title')} className="panel-spaced">
      {!user.emailVerified && (
        <div className="notice notification-verify" role="status">
          <p>{t('notifications.unverified', { email: user.email })}</p>
          <Button variant="secondary" busy={resending} onClick={resend}>
            {t('notifications.resend')}
          </Button>
        </div>
      )}
      <p>{t('notifications.intro')}</p>
      <fieldset className="choice-list">
        <legend>{t('notifications.legend')}</legend>
        {NOTIFICATION_MODES.map((mode) => (
          <label key={mode} className="choice">
            <input
              type="radio"
              name="notification-mode"
              value={mode}
              checked={current === mode}
              onChange={() => void choose(mode)}
            />
            <span>
              <span className="choice-label">{t(`notifications.mode.${mode}`)}</span>
              <span className="hint choice-hint">{t(`notifications.mode.${mode}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Panel>
  );
}
