import { type CreateInvitationResponse, ROLES, type Role, SIDES, type Side } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { checkEmail } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert, SelectField } from '../shell/forms.tsx';
import { EmailField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';

/** Creates an invitation and shows its one-time link, ready to copy. */
export function InviteForm({ partnershipId, onInvited }: { partnershipId: string; onInvited(): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [side, setSide] = useState<Side>('partner');
  const [created, setCreated] = useState<CreateInvitationResponse>();
  const [copied, setCopied] = useState(false);

  const { submit, error, shown } = useFormSubmit({ email: checkEmail(t, email) }, async () => {
    setCopied(false);
    const body = { email, role, side };
    setCreated(await api.post<CreateInvitationResponse>(`/api/partnerships/${partnershipId}/invitations`, body));
    setEmail('');
    onInvited();
  });

  async function copy(url: string) {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    setCopied(true);
  }

  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('members.invite')}</h2>
      <form onSubmit={submit} noValidate className="grid-form">
        <FormAlert error={error} />
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
        <button type="submit">{t('members.inviteSubmit')}</button>
      </form>
      {created && (
        <div className="invite-link">
          <label htmlFor="invite-url">{t('members.inviteLink', { email: created.invitation.email })}</label>
          <div className="copy-row">
            <input id="invite-url" readOnly value={created.url} onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => copy(created.url)}>
              {copied ? t('members.copied') : t('members.copy')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
