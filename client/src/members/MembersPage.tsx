import {
  type CreateInvitationResponse,
  type Invitation,
  type InvitationsResponse,
  type Member,
  type MembersResponse,
  ROLES,
  type Role,
} from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useApiResource } from '../api/useApiResource.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { useNavigate } from '../router/router.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { Badge, Button, PageHeader, Panel, Skeleton, Table, useConfirm, useToast } from '../ui/index.ts';
import { InviteForm } from './InviteForm.tsx';
import '../partnerships/partnerships.css';

/** `/p/:id/members`: who is in the partnership; owners invite, change roles and remove (after confirming). */
export function MembersPage() {
  const { t } = useI18n();
  const format = useFormat();
  const confirm = useConfirm();
  const toast = useToast();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { partnership, abilities } = usePartnership();
  const base = `/api/partnerships/${partnership.id}`;
  const members = useApiResource<MembersResponse>(`${base}/members`);
  const invitations = useApiResource<InvitationsResponse>(abilities.manageMembers ? `${base}/invitations` : null);
  const [error, setError] = useState<unknown>();
  // The link of the invitation just made; it goes away when that invitation is revoked.
  const [created, setCreated] = useState<CreateInvitationResponse>();

  async function act(action: () => Promise<unknown>): Promise<boolean> {
    setError(undefined);
    let ok = true;
    try {
      await action();
    } catch (e) {
      setError(e);
      ok = false;
    }
    members.reload();
    invitations.reload();
    return ok;
  }

  const changeRole = (member: Member, role: Role) => act(() => api.patch(`${base}/members/${member.userId}`, { role }));
  async function remove(member: Member) {
    const yes = await confirm({
      title: t('members.removeTitle', { name: member.name }),
      body: t('members.removeBody'),
      confirmLabel: t('members.remove'),
    });
    if (yes) await act(() => api.delete(`${base}/members/${member.userId}`));
  }
  async function revoke(invitation: Invitation) {
    const yes = await confirm({
      title: t('members.revokeTitle', { email: invitation.email }),
      body: t('members.revokeBody'),
      confirmLabel: t('members.revoke'),
    });
    if (!yes) return;
    if (await act(() => api.delete(`${base}/invitations/${invitation.id}`))) {
      if (created?.invitation.id === invitation.id) setCreated(undefined);
      toast(t('members.revoked'));
    }
  }
  async function leave() {
    const yes = await confirm({
      title: t('members.leaveTitle', { partnership: partnership.name }),
      body: t('members.leaveBody'),
      confirmLabel: t('members.leave'),
    });
    if (!yes) return;
    setError(undefined);
    try {
      await api.delete(`${base}/members/${user?.id}`);
      navigate('/p');
    } catch (e) {
      setError(e);
    }
  }

  const pending = invitations.data?.invitations ?? [];
  return (
    <div className="page">
      <PageHeader
        title={t('members.heading', { partnership: partnership.name })}
        actions={
          abilities.leave ? (
            <Button variant="secondary" onClick={leave}>
              {t('members.leave')}
            </Button>
          ) : undefined
        }
      />
      <FormAlert error={error ?? members.error} />
      {!members.data && !members.error && <Skeleton lines={4} />}
      {members.data && (
        <Table caption={t('partnership.members')} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('members.nameColumn')}</th>
              <th scope="col" className="col-email">
                {t('members.emailColumn')}
              </th>
              <th scope="col">{t('members.sideColumn')}</th>
              <th scope="col">{t('members.roleColumn')}</th>
              {abilities.manageMembers && <th scope="col">{t('members.actionsColumn')}</th>}
            </tr>
          </thead>
          <tbody>
            {members.data.members.map((m) => (
              <tr key={m.userId}>
                <td>
                  {m.name}
                  <span className="cell-sub">{m.email}</span>
                </td>
                <td className="col-email">{m.email}</td>
                <td>
                  <Badge>{t(`side.${m.side}`)}</Badge>
                </td>
                <td>
                  {abilities.manageMembers ? (
                    <select
                      className="inline-select"
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
                      <Button
                        variant="secondary"
                        size="sm"
                        aria-label={`${t('members.remove')} ${m.name}`}
                        onClick={() => remove(m)}
                      >
                        {t('members.remove')}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {abilities.manageMembers && (
        <div className="members-manage">
          <InviteForm
            partnershipId={partnership.id}
            created={created}
            onCreated={(next) => {
              setCreated(next);
              invitations.reload();
            }}
            onDismiss={() => setCreated(undefined)}
          />
          {pending.length > 0 && (
            <Panel title={t('members.pending')}>
              <ul className="pending-list">
                {pending.map((inv) => (
                  <li key={inv.id}>
                    <span className="pending-email">{inv.email}</span>
                    <span className="muted">
                      {t(`role.${inv.role}`)} · {t(`side.${inv.side}`)} ·{' '}
                      {t('members.expires', { date: format.date(inv.expiresAt) })}
                    </span>
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`${t('members.revoke')} ${inv.email}`}
                      onClick={() => revoke(inv)}
                    >
                      {t('members.revoke')}
                    </Button>
                  </li>
                ))}
              </ul>
            </Panel>
          )}
        </div>
      )}
    </div>
  );
}
