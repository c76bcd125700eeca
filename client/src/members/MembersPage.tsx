import { type InvitationsResponse, type Member, type MembersResponse, ROLES, type Role } from '@samverka/model';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/apiClient.ts';
import { useApiResource } from '../api/useApiResource.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { InviteForm } from './InviteForm.tsx';

/** `/p/:id/members`: who is in the partnership; owners invite, change roles and remove. */
export function MembersPage() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { partnership, abilities } = usePartnership();
  const base = `/api/partnerships/${partnership.id}`;
  const members = useApiResource<MembersResponse>(`${base}/members`);
  const invitations = useApiResource<InvitationsResponse>(abilities.manageMembers ? `${base}/invitations` : null);
  const [error, setError] = useState<unknown>();

  async function act(action: () => Promise<unknown>) {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    }
    members.reload();
    invitations.reload();
  }

  const changeRole = (member: Member, role: Role) => act(() => api.patch(`${base}/members/${member.userId}`, { role }));
  const remove = (member: Member) => {
    if (!window.confirm(t('members.removeConfirm', { name: member.name }))) return;
    void act(() => api.delete(`${base}/members/${member.userId}`));
  };
  const leave = async () => {
    setError(undefined);
    try {
      await api.delete(`${base}/members/${user?.id}`);
      navigate('/p');
    } catch (e) {
      setError(e);
    }
  };
  const dateFormat = new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium' });

  return (
    <div className="page">
      <h1>{t('members.heading', { partnership: partnership.name })}</h1>
      <FormAlert error={error ?? members.error} />
      <table className="members">
        <thead>
          <tr>
            <th scope="col">{t('members.nameColumn')}</th>
            <th scope="col">{t('members.emailColumn')}</th>
            <th scope="col">{t('members.sideColumn')}</th>
            <th scope="col">{t('members.roleColumn')}</th>
            {abilities.manageMembers && <th scope="col">{t('members.actionsColumn')}</th>}
          </tr>
        </thead>
        <tbody>
          {members.data?.members.map((m) => (
            <tr key={m.userId}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>{t(`side.${m.side}`)}</td>
              <td>
                {abilities.manageMembers ? (
                  <select
                    aria-label={t('members.roleOf', { name: m.name })}
                    value={m.role}
                    onChange={(e) => void changeRole(m, e.target.value as Role)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`role.${r}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`role.${m.role}`)
                )}
              </td>
              {abilities.manageMembers && (
                <td>
                  {m.userId !== user?.id && (
                    <button type="button" className="secondary" onClick={() => remove(m)}>
                      {t('members.remove')} <span className="visually-hidden">{m.name}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {abilities.leave && (
        <button type="button" className="secondary" onClick={leave}>
          {t('members.leave')}
        </button>
      )}
      {abilities.manageMembers && (
        <>
          <InviteForm partnershipId={partnership.id} onInvited={invitations.reload} />
          {invitations.data && invitations.data.invitations.length > 0 && (
            <section className="panel" aria-labelledby="pending-heading">
              <h2 id="pending-heading">{t('members.pending')}</h2>
              <ul>
                {invitations.data.invitations.map((inv) => (
                  <li key={inv.id}>
                    {inv.email} · {t(`role.${inv.role}`)} · {t(`side.${inv.side}`)} ·{' '}
                    {t('members.expires', { date: dateFormat.format(new Date(inv.expiresAt)) })}{' '}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => act(() => api.delete(`${base}/invitations/${inv.id}`))}
                    >
                      {t('members.revoke')} <span className="visually-hidden">{inv.email}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
