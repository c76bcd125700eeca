import type { Goal } from '@samverka/model';
import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/i18n.tsx';
import { type HeatCell, HeatMap, key } from '../register/HeatMap.tsx';
import { GOAL_STATUS_TONE, goalProgress, riskRatings } from '../register/registerFormat.ts';
import '../register/register.css';
import { Badge, EmptyState, Table } from '../ui/index.ts';
import { heatCounts, readSnapshotRegister, type SnapshotRegisterView } from './snapshotRegister.ts';

/** A goal's progress bar, as the live goals tab shows it. */
export function GoalProgress({ goal }: { goal: Goal }) {
  const { t } = useI18n();
  const progress = goalProgress(goal);
  if (progress === undefined) return <span className="muted">{t('goal.noIndicators')}</span>;
  const percent = Math.round(progress * 100);
  return (
    <progress value={percent} max={100} aria-label={t('goal.progress', { percent })}>
      {percent}%
    </progress>
  );
}

export function GoalsTable({ view }: { view: SnapshotRegisterView }) {
  const { t } = useI18n();
  if (view.goals.length === 0) return <EmptyState title={t('goal.none')} />;
  return (
    <Table caption={t('register.goals')} captionHidden testId="snapshot-goals">
      <thead>
        <tr>
          <th scope="col">{t('field.title')}</th>
          <th scope="col">{t('field.status')}</th>
          <th scope="col">{t('goal.progressHeading')}</th>
        </tr>
      </thead>
      <tbody>
        {view.goals.map((goal) => (
          <tr key={goal.id}>
            <td>{goal.title}</td>
            <td>
              <Badge tone={GOAL_STATUS_TONE[goal.status]}>{t(`goalStatus.${goal.status}`)}</Badge>
            </td>
            <td>
              <GoalProgress goal={goal} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function RisksTable({
  view,
  risks = view.risks,
}: {
  view: SnapshotRegisterView;
  risks?: SnapshotRegisterView['risks'];
}) {
  const { t } = useI18n();
  if (risks.length === 0) return <EmptyState title={t('risk.none')} />;
  return (
    <Table caption={t('register.risks')} captionHidden testId="snapshot-risks" stackOnPhone>
      <thead>
        <tr>
          <th scope="col">{t('field.title')}</th>
          <th scope="col">{t('risk.category')}</th>
          <th scope="col">{t('risk.rating')}</th>
          <th scope="col">{t('risk.status')}</th>
        </tr>
      </thead>
      <tbody>
        {risks.map((risk) => {
          const { score, band } = riskRatings(risk, view.bands);
          return (
            <tr key={risk.id}>
              <td>{risk.title}</td>
              <td data-label={t('risk.category')}>{t(`category.${risk.category}`)}</td>
              <td data-label={t('risk.rating')}>
                <span className={`ui-badge band-${band}`}>
                  {score} · {t(`band.${band}`)}
                </span>
              </td>
              <td data-label={t('risk.status')}>{t(`riskStatus.${risk.status}`)}</td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

/**
 * The register as it was: goals with status and progress, the heat map (the live
 * register's component; a cell filters the risks below, which changes nothing stored)
 * and the risks.
 */
export function SnapshotRegister({ doc }: { doc: Y.Doc }) {
  const { t } = useI18n();
  const view = useMemo(() => readSnapshotRegister(doc), [doc]);
  const [cell, setCell] = useState<HeatCell | undefined>();
  const shown = cell
    ? view.risks.filter((risk) => key({ likelihood: risk.likelihood, impact: risk.impact }) === key(cell))
    : view.risks;
  return (
    <div className="snapshot-register">
      <section aria-labelledby="snapshot-goals-heading">
        <h2 id="snapshot-goals-heading">{t('register.goals')}</h2>
        <GoalsTable view={view} />
      </section>
      <section aria-labelledby="snapshot-risks-heading">
        <h2 id="snapshot-risks-heading">{t('register.risks')}</h2>
        <HeatMap
          counts={heatCounts(view.risks)}
          bands={view.bands}
          selected={cell}
          onSelect={setCell}
          caption={t('risk.heatMap')}
        />
        <RisksTable view={view} risks={shown} />
      </section>
    </div>
  );
}
