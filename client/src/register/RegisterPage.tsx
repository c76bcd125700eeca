import type { DocumentsResponse, MembersResponse, PartnershipLanguage } from '@samverka/model';
import { useMemo } from 'react';
import { NavLink } from 'react-router';
import { useApiResource } from '../api/useApiResource.ts';
import { useAnchorLabels } from '../comments/ThreadsProvider.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useIdentity } from '../identity/identity.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { DocumentHeader } from '../shell/DocumentHeader.tsx';
import type { DocumentSession } from '../sync/documentSession.ts';
import { useDocumentSession, useLoaded, useSynced } from '../sync/useDocumentSession.ts';
import { usePresence } from '../sync/usePresence.ts';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { GoalsPanel } from './GoalsPanel.tsx';
import { NeedsAttention } from './NeedsAttention.tsx';
import { RisksPanel } from './RisksPanel.tsx';
import { type RegisterView, useRegister, useRegisterMigration, useSchemaRejected } from './useRegister.ts';
import './register.css';

export type RegisterTab = 'goals' | 'risks' | 'checklist';

/** What every register panel needs. */
export interface PanelProps {
  session: DocumentSession;
  view: RegisterView;
  members: MembersResponse['members'];
  readOnly: boolean;
}

/** `/p/:id/goals`, `/p/:id/risks`, `/p/:id/checklist`: the partnership's register, live. */
export default function RegisterPage({ tab }: { tab: RegisterTab }) {
  const { t } = useI18n();
  const { partnership } = usePartnership();
  const { data, error } = useApiResource<DocumentsResponse>(`/api/partnerships/${partnership.id}/documents`);
  const register = data?.documents.find((doc) => doc.kind === 'register');
  if (error && !data) return <p className="form-alert">{t(`error.${error.id}` as 'error.generic')}</p>;
  if (!register) return <p className="loading">{t('loading')}</p>;
  return <RegisterSession key={register.id} documentId={register.id} title={register.title} tab={tab} />;
}

function RegisterSession({ documentId, title, tab }: { documentId: string; title: string; tab: RegisterTab }) {
  const { t } = useI18n();
  const { identity } = useIdentity();
  const { partnership, abilities, side } = usePartnership();
  const session = useDocumentSession(documentId);
  const synced = useSynced(session);
  const loaded = useLoaded(session);
  const collaborators = usePresence(session, { ...identity, side });
  const readOnly = !abilities.edit;
  useRegisterMigration(session, synced, !readOnly, partnership.language as PartnershipLanguage);
  const view = useRegister(session);
  const anchorLabels = useMemo(
    () =>
      new Map([
        ...view.goals.map((goal) => [`goal:${goal.id}`, goal.title] as const),
        ...view.risks.map((risk) => [`risk:${risk.id}`, risk.title] as const),
      ]),
    [view.goals, view.risks],
  );
  useAnchorLabels(anchorLabels);
  const rejected = useSchemaRejected(session);
  const members = useApiResource<MembersResponse>(`/api/partnerships/${partnership.id}/members`).data?.members ?? [];
  const base = `/p/${partnership.id}`;
  const panelProps: PanelProps = { session, view, members, readOnly };

  return (
    <div className="page register-page">
      <DocumentHeader title={title} session={session} collaborators={collaborators} />
      {rejected && (
        <div className="form-alert" role="alert">
          {t('register.rejected')}{' '}
          <button type="button" className="secondary" onClick={() => window.location.reload()}>
            {t('register.reload')}
          </button>
        </div>
      )}
      {readOnly && <p className="notice">{t('register.readOnly')}</p>}
      <nav className="register-tabs" aria-label={t('register.sections')}>
        <NavLink to={`${base}/goals`}>{t('register.goals')}</NavLink>
        <NavLink to={`${base}/risks`}>{t('register.risks')}</NavLink>
        <NavLink to={`${base}/checklist`}>{t('register.checklist')}</NavLink>
      </nav>
      {!loaded ? (
        <p className="loading">{t('loading')}</p>
      ) : (
        <>
          <NeedsAttention {...panelProps} />
          {tab === 'goals' && <GoalsPanel {...panelProps} />}
          {tab === 'risks' && <RisksPanel {...panelProps} />}
          {tab === 'checklist' && <ChecklistPanel {...panelProps} />}
        </>
      )}
    </div>
  );
}
