import type { MessageKey } from '../i18n/areas.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { SnapshotsSection } from '../snapshots/SnapshotsSection.tsx';
import { ButtonLink, PageHeader, Panel } from '../ui/index.ts';
import { DocumentsSection } from './home/DocumentsSection.tsx';
import { LifecycleTrack } from './home/LifecycleTrack.tsx';
import { RecentActivity } from './home/RecentActivity.tsx';
import { SidesPanel } from './home/SidesPanel.tsx';
import type { DashboardSlot } from './home/slots/dashboardSlot.ts';
import { GoalCountsSlot } from './home/slots/GoalCountsSlot.tsx';
import { LatestSnapshotSlot } from './home/slots/LatestSnapshotSlot.tsx';
import { OpenThreadsSlot } from './home/slots/OpenThreadsSlot.tsx';
import { TopRisksSlot } from './home/slots/TopRisksSlot.tsx';
import { TermPanel } from './home/TermPanel.tsx';
import { usePartnership } from './PartnershipContext.tsx';
import './home/dashboard.css';

/** A slot's panel, or nothing while its feature has not filled it. */
function SlotPanel({
  slot: Slot,
  title,
  partnershipId,
}: {
  slot: DashboardSlot;
  title: MessageKey;
  partnershipId: string;
}) {
  const { t } = useI18n();
  if (!Slot) return null;
  return (
    <Panel title={t(title)} className="slot-panel">
      <Slot partnershipId={partnershipId} />
    </Panel>
  );
}

/** `/p/:id`: the partnership home: lifecycle, term, both sides, register, threads, snapshot, activity, documents. */
export function PartnershipOverviewPage() {
  const { t } = useI18n();
  const { partnership, role, side, abilities } = usePartnership();
  const id = partnership.id;
  return (
    <div className="page dashboard-page">
      <PageHeader
        title={partnership.name}
        subtitle={
          <>
            <span>
              {partnership.universityName} · {partnership.partnerName}
            </span>
            <br />
            <span>
              {t('partnership.youAre', {
                role: t(`role.${role}`).toLowerCase(),
                side: t(`side.${side}`).toLowerCase(),
              })}
            </span>
          </>
        }
        actions={
          abilities.managePartnership ? (
            <ButtonLink variant="secondary" to={`/p/${id}/settings`}>
              {t('home.settings')}
            </ButtonLink>
          ) : undefined
        }
      />
      {partnership.archivedAt && <p className="notice">{t('settings.archived')}</p>}
      {!partnership.archivedAt && !abilities.edit && <p className="notice">{t('partnership.readOnlyNotice')}</p>}
      <div className="dashboard">
        <LifecycleTrack phase={partnership.phase} />
        <TermPanel partnership={partnership} />
        <SlotPanel slot={GoalCountsSlot} title="home.goals" partnershipId={id} />
        <SlotPanel slot={TopRisksSlot} title="home.topRisks" partnershipId={id} />
        <SidesPanel />
        <DocumentsSection />
        <SlotPanel slot={OpenThreadsSlot} title="home.openThreads" partnershipId={id} />
        <SlotPanel slot={LatestSnapshotSlot} title="home.latestSnapshot" partnershipId={id} />
        <SnapshotsSection />
        {abilities.readAudit && <RecentActivity partnershipId={id} />}
      </div>
    </div>
  );
}
