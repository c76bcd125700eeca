import type { SnapshotDetailResponse, SnapshotDocument } from '@samverka/model';
import { lazy, Suspense, useMemo } from 'react';
import type * as Y from 'yjs';
import { useApiResource } from '../api/useApiResource.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { HeatMap } from '../register/HeatMap.tsx';
import { Link, useParams } from '../router/router.tsx';
import '../register/register.css';
import { Button, Skeleton, usePageTitle } from '../ui/index.ts';
import { CanvasImage } from './CanvasImage.tsx';
import { GoalsTable, RisksTable } from './SnapshotRegister.tsx';
import { heatCounts, readSnapshotRegister, topRisks } from './snapshotRegister.ts';
import type { SnapshotSource } from './snapshotSource.ts';
import { useSnapshotDoc } from './useSnapshotDoc.ts';
import './report.css';

const SnapshotText = lazy(() => import('./SnapshotText.tsx').then((m) => ({ default: m.SnapshotText })));
const TOP_RISKS = 5;

function RegisterReport({ doc }: { doc: Y.Doc }) {
  const { t } = useI18n();
  const view = useMemo(() => readSnapshotRegister(doc), [doc]);
  return (
    <>
      <section className="report-section" aria-labelledby="report-goals">
        <h2 id="report-goals">{t('report.goals')}</h2>
        <GoalsTable view={view} />
      </section>
      <section className="report-section report-risks" aria-labelledby="report-risks">
        <h2 id="report-risks">{t('report.risks')}</h2>
        <div className="report-heat-map" data-testid="report-heat-map">
          <HeatMap
            counts={heatCounts(view.risks)}
            bands={view.bands}
            selected={undefined}
            onSelect={() => undefined}
            caption={t('risk.heatMap')}
          />
        </div>
        <h3>{t('report.topRisks')}</h3>
        <RisksTable view={view} risks={topRisks(view, TOP_RISKS)} />
      </section>
    </>
  );
}

/** One document of the report, by kind: the register's tables and map, a canvas image, a text. */
function ReportPart({ source, document }: { source: SnapshotSource; document: SnapshotDocument }) {
  const state = useSnapshotDoc(source, document.id);
  if (state.status !== 'ready') return <Skeleton lines={3} />;
  if (document.kind === 'register') return <RegisterReport doc={state.doc} />;
  return (
    <section className="report-section report-document" data-testid={`report-part-${document.kind}`}>
      <h2>{document.title}</h2>
      {document.kind === 'canvas' ? (
        <CanvasImage doc={state.doc} title={document.title} source={source} />
      ) : (
        <Suspense fallback={<Skeleton lines={3} />}>
          <SnapshotText doc={state.doc} title={document.title} />
        </Suspense>
      )}
    </section>
  );
}

/**
 * `/p/:id/snapshots/:snapshotId/report`: the snapshot as a printable report (cover,
 * canvases as images, goals, heat map and top risks, documents); `report.css` lays it
 * out for paper, so the browser's "Print to PDF" gives the report alone.
 */
export default function ReportPage() {
  const { partnershipId = '', snapshotId = '' } = useParams();
  const { t } = useI18n();
  const format = useFormat();
  const { data, error } = useApiResource<SnapshotDetailResponse>(`/api/snapshots/${encodeURIComponent(snapshotId)}`);
  usePageTitle(data ? t('report.pageTitle', { name: data.snapshot.name }) : undefined);
  if (error && !data) return <p className="form-alert page">{t('snapshots.notFound')}</p>;
  if (!data) return <Skeleton lines={6} />;
  const source: SnapshotSource = { kind: 'member', snapshotId };
  const { partnership, snapshot } = data;
  return (
    <div className="report" data-testid="snapshot-report">
      <div className="report-toolbar no-print">
        <Link to={`/p/${partnershipId}/snapshots/${snapshotId}`}>{t('compare.back')}</Link>
        <Button onClick={() => window.print()}>{t('report.print')}</Button>
      </div>
      <section className="report-cover" aria-label={t('report.cover')}>
        <p className="report-kicker">{t('report.kicker')}</p>
        <h1>{partnership.name}</h1>
        <p className="report-sides">
          {partnership.universityName} · {partnership.partnerName}
        </p>
        <dl>
          <dt>{t('report.snapshot')}</dt>
          <dd>{snapshot.name}</dd>
          <dt>{t('report.phase')}</dt>
          <dd>{t(`phase.${partnership.phase}`)}</dd>
          <dt>{t('report.date')}</dt>
          <dd>{format.dateTime(snapshot.createdAt)}</dd>
          <dt>{t('snapshots.threads')}</dt>
          <dd>{t('snapshots.threadCounts', snapshot.threads)}</dd>
        </dl>
      </section>
      {data.documents.map((document) => (
        <ReportPart key={document.id} source={source} document={document} />
      ))}
    </div>
  );
}
