import {
  type CanvasItem,
  COMPARE_WITH_NOW,
  DEFAULT_RATING_BANDS,
  type SnapshotComparison,
  type SnapshotDetailResponse,
} from '@samverka/model';
import type { ReactNode } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { Link, useParams, useSearchParams } from '../router/router.tsx';
import { Badge, PageHeader, Skeleton } from '../ui/index.ts';
import { ChangeGroup, changeCounts, DocumentChanges, FieldChanges, IndicatorChanges } from './ChangeLists.tsx';
import { MovedRisksMap } from './MovedRisksMap.tsx';
import { snapshotsApi } from './snapshotsApi.ts';
import { useSnapshots } from './useSnapshots.ts';
import './snapshots.css';

function Entries(props: {
  tone: 'success' | 'danger' | 'info';
  label: string;
  items: { id: string; line: ReactNode }[];
}) {
  if (props.items.length === 0) return null;
  return (
    <ul className="change-list">
      {props.items.map((item) => (
        <li key={item.id}>
          <Badge tone={props.tone}>{props.label}</Badge> {item.line}
        </li>
      ))}
    </ul>
  );
}

/** "What changed since snapshot X": goals, risks (with the before/after map), document sections, canvas items. */
export default function ComparePage() {
  const { snapshotId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const withId = params.get('with') ?? COMPARE_WITH_NOW;
  const { t } = useI18n();
  const format = useFormat();
  const { partnership } = usePartnership();
  const snapshots = useSnapshots(partnership.id).data?.snapshots ?? [];
  const detail = useApiResource<SnapshotDetailResponse>(`/api/snapshots/${encodeURIComponent(snapshotId)}`).data;
  const { data, error } = useApiResource<SnapshotComparison>(snapshotsApi.comparePath(snapshotId, withId));
  const canvasLine = (item: CanvasItem) => (
    <>
      {item.title || t('compare.untitledShape', { type: item.type })}{' '}
      <span className="muted">({item.documentTitle})</span>
    </>
  );
  const sideName = (side: SnapshotComparison['before']) =>
    side.snapshotId
      ? `${side.name} (${format.dateTime(side.at)})`
      : t('compare.nowAt', { time: format.dateTime(side.at) });

  return (
    <div className="page compare-page">
      <PageHeader
        title={t('compare.title', { name: detail?.snapshot.name ?? '…' })}
        subtitle={data && t('compare.between', { before: sideName(data.before), after: sideName(data.after) })}
        actions={<Link to={`/p/${partnership.id}/snapshots/${snapshotId}`}>{t('compare.back')}</Link>}
      />
      <div className="field compare-with">
        <label htmlFor="compare-with">{t('compare.with')}</label>
        <select id="compare-with" value={withId} onChange={(event) => setParams({ with: event.target.value })}>
          <option value={COMPARE_WITH_NOW}>{t('compare.withNow')}</option>
          {snapshots
            .filter((snapshot) => snapshot.id !== snapshotId)
            .map((snapshot) => (
              <option key={snapshot.id} value={snapshot.id}>
                {snapshot.name} ({format.date(snapshot.createdAt)})
              </option>
            ))}
        </select>
      </div>
      {error && !data && <p className="form-alert">{t('snapshots.notFound')}</p>}
      {!data ? !error && <Skeleton lines={6} /> : <CompareResult comparison={data} canvasLine={canvasLine} />}
    </div>
  );
}

function CompareResult({
  comparison,
  canvasLine,
}: {
  comparison: SnapshotComparison;
  canvasLine(item: CanvasItem): ReactNode;
}) {
  const { t } = useI18n();
  const counts = changeCounts(comparison);
  const { goals, risks, canvas, documents } = comparison;
  return (
    <div className="compare-result">
      <ChangeGroup title={t('register.goals')} count={counts.goals} testId="compare-goals">
        <Entries
          tone="success"
          label={t('compare.added')}
          items={goals.added.map((g) => ({ id: g.id, line: g.title }))}
        />
        <Entries
          tone="danger"
          label={t('compare.removed')}
          items={goals.removed.map((g) => ({ id: g.id, line: g.title }))}
        />
        <Entries
          tone="info"
          label={t('compare.changed')}
          items={goals.changed.map((g) => ({
            id: g.id,
            line: (
              <>
                {g.title}
                <FieldChanges fields={g.fields} kind="goal" />
                <IndicatorChanges indicators={g.indicators} />
              </>
            ),
          }))}
        />
      </ChangeGroup>
      <ChangeGroup title={t('register.risks')} count={counts.risks} testId="compare-risks">
        {risks.moved.length > 0 && <MovedRisksMap moves={risks.moved} bands={DEFAULT_RATING_BANDS} />}
        <Entries
          tone="success"
          label={t('compare.added')}
          items={risks.added.map((r) => ({ id: r.id, line: r.title }))}
        />
        <Entries
          tone="danger"
          label={t('compare.removed')}
          items={risks.removed.map((r) => ({ id: r.id, line: r.title }))}
        />
        <Entries
          tone="info"
          label={t('compare.changed')}
          items={risks.changed.map((r) => ({
            id: r.id,
            line: (
              <>
                {r.title}
                <FieldChanges fields={r.fields} kind="risk" />
              </>
            ),
          }))}
        />
      </ChangeGroup>
      <ChangeGroup title={t('compare.documents')} count={counts.documents} testId="compare-documents">
        {documents.map((document) => (
          <DocumentChanges key={document.id} document={document} />
        ))}
      </ChangeGroup>
      <ChangeGroup title={t('compare.canvas')} count={counts.canvas} testId="compare-canvas">
        <Entries
          tone="success"
          label={t('compare.added')}
          items={canvas.added.map((c) => ({ id: c.id, line: canvasLine(c) }))}
        />
        <Entries
          tone="danger"
          label={t('compare.removed')}
          items={canvas.removed.map((c) => ({ id: c.id, line: canvasLine(c) }))}
        />
        <Entries
          tone="info"
          label={t('compare.changed')}
          items={canvas.changed.map((c) => ({
            id: c.id,
            line: (
              <>
                {canvasLine(c)} <span className="muted">{c.fields.join(', ')}</span>
              </>
            ),
          }))}
        />
      </ChangeGroup>
    </div>
  );
}
