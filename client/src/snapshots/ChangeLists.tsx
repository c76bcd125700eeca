import type { DocumentChange, FieldChange, FieldValue, IndicatorChange, SnapshotComparison } from '@samverka/model';
import type { ReactNode } from 'react';
import { isMessageKey, type Translate, useI18n } from '../i18n/i18n.tsx';
import { Badge } from '../ui/index.ts';
import { wordDiff } from './wordDiff.ts';

/** A field's value as a person reads it: lists joined, nothing as a dash. */
function shown(value: FieldValue): string {
  if (value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  return String(value);
}

/** A catalogue message if there is one for `key`, else `fallback` (fields and values the UI has no words for). */
function known(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** "field: before → after" for each changed field (statuses in words); long texts as a word diff. */
export function FieldChanges({ fields, kind }: { fields: FieldChange[]; kind: 'goal' | 'risk' }) {
  const { t } = useI18n();
  const value = (field: string, v: FieldValue) =>
    field === 'status' && typeof v === 'string'
      ? known(t, `${kind === 'goal' ? 'goalStatus' : 'riskStatus'}.${v}`, v)
      : field === 'category' && typeof v === 'string'
        ? known(t, `category.${v}`, v)
        : shown(v);
  return (
    <ul className="field-changes">
      {fields.map((change) => (
        <li key={change.field}>
          <span className="field-name">{known(t, `field.${change.field}`, change.field)}</span>:{' '}
          {typeof change.before === 'string' &&
          typeof change.after === 'string' &&
          (change.before.length > 40 || change.after.length > 40) ? (
            <Diff before={change.before} after={change.after} />
          ) : (
            <>
              <del>{value(change.field, change.before)}</del> → <ins>{value(change.field, change.after)}</ins>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function IndicatorChanges({ indicators }: { indicators: IndicatorChange[] }) {
  const { t } = useI18n();
  if (indicators.length === 0) return null;
  const values = (v: IndicatorChange['before']) =>
    v ? `${v.name}: ${v.current ?? '—'} ${v.unit} (${v.baseline} → ${v.target})` : '—';
  return (
    <ul className="field-changes">
      {indicators.map((indicator) => (
        <li key={indicator.id}>
          <Badge tone="neutral">{t(`compare.${indicator.change}`)}</Badge> {t('indicator.name')}:{' '}
          {indicator.change !== 'added' && <del>{values(indicator.before)}</del>}
          {indicator.change === 'changed' && ' → '}
          {indicator.change !== 'removed' && <ins>{values(indicator.after)}</ins>}
        </li>
      ))}
    </ul>
  );
}

/** A word-level diff: removed words struck through, added words marked. */
export function Diff({ before, after }: { before: string; after: string }) {
  return (
    <span className="word-diff">
      {wordDiff(before, after).map((part, index) =>
        part.kind === 'same' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <del key={index}>{part.text}</del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
          <ins key={index}>{part.text}</ins>
        ),
      )}
    </span>
  );
}

/** One document's changed sections, each heading with its text as a diff. */
export function DocumentChanges({ document }: { document: DocumentChange }) {
  const { t } = useI18n();
  return (
    <article className="document-changes" data-testid={`document-changes-${document.id}`}>
      <h3>
        {document.title} <Badge tone="neutral">{t(`compare.${document.change}`)}</Badge>
      </h3>
      {document.changedSections.map((section, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: repeated headings pair by order
        <section key={`${section.heading}-${index}`} className="section-change">
          <h4>{section.heading || t('compare.untitledSection')}</h4>
          {section.before === null ? (
            <p className="section-note">{t('compare.sectionAdded')}</p>
          ) : section.after === null ? (
            <p className="section-note">{t('compare.sectionRemoved')}</p>
          ) : null}
          <p className="section-diff">
            <Diff before={section.before ?? ''} after={section.after ?? ''} />
          </p>
        </section>
      ))}
    </article>
  );
}

/** A titled group of changes, or a line saying there are none. */
export function ChangeGroup(props: { title: string; count: number; children: ReactNode; testId: string }) {
  const { t } = useI18n();
  return (
    <section className="change-group" data-testid={props.testId} aria-label={props.title}>
      <h2>
        {props.title} <Badge tone={props.count ? 'info' : 'neutral'}>{props.count}</Badge>
      </h2>
      {props.count === 0 ? <p className="muted">{t('compare.none')}</p> : props.children}
    </section>
  );
}

/** How many entries a comparison lists in each part. */
export function changeCounts(comparison: SnapshotComparison) {
  const { goals, risks, canvas } = comparison;
  return {
    goals: goals.added.length + goals.removed.length + goals.changed.length,
    risks: risks.added.length + risks.removed.length + risks.changed.length + risks.moved.length,
    documents: comparison.documents.length,
    canvas: canvas.added.length + canvas.removed.length + canvas.changed.length,
  };
}
