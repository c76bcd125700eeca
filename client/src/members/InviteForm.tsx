import { type CreateInvitationResponse, ROLES, type Role, SIDES, type Side } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { checkEmail } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert, SelectField } from '../shell/forms.tsx';
import { EmailField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button, Panel } from '../ui/index.ts';

interface InviteFormProps {
  partnershipId: string;
  /** The invitation just made (its link is shown until dismissed or revoked). */
  created: CreateInvitationResponse | undefined;
  onCreated(created: CreateInvitationResponse): void;
  onDismiss(): void;
}

/** Creates an invitation and shows its one-time link, ready to copy. */
export function InviteForm({ partnershipId, created, onCreated, onDismiss }: InviteFormProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [side, setSide] = useState<Side>('partner');
  const [copied, setCopied] = useState(false);

  const { submit, busy, formError, shown } = useFormSubmit({ email: checkEmail(t, email) }, async () => {
    setCopied(false);
    const body = { email, role, side };
    onCreated(await api.post<CreateInvitationResponse>(`/api/partnerships/${partnershipId}/invitations`, body));
    setEmail('');
  });

  async function copy(url: string) {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  }

  return (
    <Panel title={t('members.invite')}>
      <form onSubmit={submit} noValidate className="grid-form">
        <FormAlert error={formError} />
        <EmailField value={email} onChange={setEmail} error={shown.email} />
        <SelectField<Role>
          label={t('members.roleColumn')}
          name="role"
          value={role}
          options={ROLES}
          optionLabel={(r) => t(`role.${r}`)}
          onChange={setRole}
        />
        <SelectField<Side>
          label={t('members.sideColumn')}
          name="side"
          value={side}
          options={SIDES}
          optionLabel={(s) => t(`side.${s}`)}
          onChange={setSide}
        />
        <div className="actions">
          <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
            {t('members.inviteSubmit')}
          </Button>
        </div>
      </form>
      {created && (
        <div className="invite-link">
          {created.emailed && <p role="status">{t('members.inviteEmailed', { email: created.invitation.email })}</p>}
          <label htmlFor="invite-url">{t('members.inviteLink', { email: created.invitation.email })}</label>
          <div className="copy-row">
            <input id="invite-url" readOnly value={created.url} onFocus={(e) => e.target.select()} />
            <Button variant="secondary" onClick={() => copy(created.url)}>
              {copied ? t('members.copied') : t('members.copy')}
            </Button>
            <Button variant="ghost" onClick={onDismiss}>
              {t('members.inviteDone')}
            </Button>
          </div>
        </div>
      )}
    </Panel>
  );
}
