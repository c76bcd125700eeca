import type { SharedSnapshotResponse } from '@samverka/model';
import type { ReactNode } from 'react';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PageHeader, Tabs } from '../ui/index.ts';
import { SnapshotDocumentPart } from './SnapshotDocumentPart.tsx';
import type { SnapshotSource } from './snapshotSource.ts';
import './snapshots.css';

/** The banner every snapshot page carries: it is a frozen copy, named and dated. */
export function SnapshotBanner({ detail }: { detail: SharedSnapshotResponse }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <div className="snapshot-banner" role="note" data-testid="snapshot-banner">
      <strong>
        {t('snapshots.banner', { name: detail.snapshot.name, date: format.dateTime(detail.snapshot.createdAt) })}
      </strong>
      <span>{t('snapshots.bannerReadOnly')}</span>
    </div>
  );
}

/**
 * A snapshot, every part read-only with the live app's components, one tab per
 * document (the register first). `actions` holds what only members get (compare,
 * report, acknowledge).
 */
export function SnapshotView(props: { source: SnapshotSource; detail: SharedSnapshotResponse; actions?: ReactNode }) {
  const { t } = useI18n();
  const { detail, source } = props;
  const label = (kind: string, title: string) => (kind === 'register' ? t('kind.register') : title);
  return (
    <div className="page snapshot-page">
      <SnapshotBanner detail={detail} />
      <PageHeader
        title={detail.snapshot.name}
        documentTitle={`${detail.snapshot.name} · ${detail.partnership.name}`}
        subtitle={
          <span>
            {detail.partnership.name} · {detail.partnership.universityName} · {detail.partnership.partnerName}
          </span>
        }
        actions={props.actions}
      />
      <Tabs
        label={t('snapshots.parts')}
        tabs={detail.documents.map((document) => ({
          value: document.id,
          label: label(document.kind, document.title),
          content: <SnapshotDocumentPart source={source} document={document} />,
        }))}
      />
    </div>
  );
}
