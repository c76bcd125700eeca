import {
  createEntry,
  deleteEntry,
  RATING_BANDS,
  type RatingBand,
  RISK_CATEGORIES,
  RISK_STATUSES,
  type Risk,
  type RiskCategory,
} from '@samverka/model';
import { type FormEvent, memo, type ReactNode, useCallback, useMemo, useState } from 'react';
import { AnchorThreadsButton } from '../comments/CommentsDrawer.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { Collaborator } from '../sync/usePresence.ts';
import { CsvTools } from './CsvTools.tsx';
import { EditorsOf } from './EditorsOf.tsx';
import { useFieldPresence } from './fieldPresence.ts';
import { type HeatCell, HeatMap, key } from './HeatMap.tsx';
import { RatingBandsForm } from './RatingBandsForm.tsx';
import type { PanelProps } from './RegisterPage.tsx';
import { RiskEditor } from './RiskEditor.tsx';
import { memberName, reviewOverdue, riskRatings, today } from './registerFormat.ts';

/** Rows drawn at first; the rest on request, so a 500-risk register opens quickly. */
const FIRST_ROWS = 100;

type SortKey = 'title' | 'category' | 'score' | 'owner' | 'status' | 'reviewDue';

/** The risks tab: heat map, filters, the sortable register table and the editor of one risk. */
export function RisksPanel(props: PanelProps) {
  const { t } = useI18n();
  const { session, view, members, readOnly } = props;
  const editors = useFieldPresence(session);
  const [residual, setResidual] = useState(false);
  const [cell, setCell] = useState<HeatCell | undefined>();
  const [filters, setFilters] = useState({ category: '', band: '', owner: '', status: '', overdue: false });
  const [sort, setSort] = useState<{ by: SortKey; descending: boolean }>({ by: 'score', descending: true });
  const [open, setOpen] = useState<string | undefined>();
  const [showAll, setShowAll] = useState(false);
  const toggle = useCallback((id: string) => setOpen((current) => (current === id ? undefined : id)), []);
  const on = today();

  // One rated row per risk object: unchanged risks keep their row object, so their memoised rows skip rendering.
  // biome-ignore lint/correctness/useExhaustiveDependencies: new bands start a new cache
  const ratedCache = useMemo(() => new WeakMap<Risk, RatedRisk>(), [view.bands]);
  const rated = useMemo(
    () =>
      view.risks.map((risk) => {
        let row = ratedCache.get(risk);
        if (!row) {
          row = { risk, ...riskRatings(risk, view.bands) };
          ratedCache.set(risk, row);
        }
        return row;
      }),
    [view.risks, view.bands, ratedCache],
  );
  const placed = (risk: Risk): HeatCell | undefined =>
    residual
      ? risk.residualLikelihood && risk.residualImpact
        ? { likelihood: risk.residualLikelihood, impact: risk.residualImpact }
        : undefined
      : { likelihood: risk.likelihood, impact: risk.impact };
  const counts = new Map<string, number>();
  for (const { risk } of rated) {
    const at = placed(risk);
    if (at) counts.set(key(at), (counts.get(key(at)) ?? 0) + 1);
  }
  const shown = rated
    .filter(({ risk, band }) => {
      const at = placed(risk);
      if (cell && (!at || key(at) !== key(cell))) return false;
      if (filters.category && risk.category !== filters.category) return false;
      if (filters.band && band !== filters.band) return false;
      if (filters.owner && risk.owner !== filters.owner) return false;
      if (filters.status && risk.status !== filters.status) return false;
      if (filters.overdue && !reviewOverdue(risk, on)) return false;
      return true;
    })
    .sort((a, b) => {
      const value = (row: (typeof rated)[number]): string | number =>
        sort.by === 'score'
          ? row.score
          : sort.by === 'owner'
            ? memberName(members, row.risk.owner)
            : (row.risk[sort.by] ?? '');
      const [x, y] = [value(a), value(b)];
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (sort.descending ? -order : order) || a.risk.title.localeCompare(b.risk.title);
    });

  const header = (by: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.by === by ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort({ by, descending: sort.by === by ? !sort.descending : by === 'score' })}
      >
        {label}
      </button>
    </th>
  );
  const select = (
    name: 'category' | 'band' | 'owner' | 'status',
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <div className="field">
      <label htmlFor={`risk-filter-${name}`}>{label}</label>
      <select
        id={`risk-filter-${name}`}
        value={filters[name]}
        onChange={(event) => setFilters({ ...filters, [name]: event.target.value })}
      >
        <option value="">{t('register.all')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="risks-heading">
      <h2 id="risks-heading">{t('register.risks')}</h2>
      <CsvTools kind="risks" readOnly={readOnly} />
      {!readOnly && <AddRiskForm onAdd={(values) => setOpen(createEntry(session.doc, 'risks', values))} />}
      <div className="heat-area">
        <HeatMap
          counts={counts}
          bands={view.bands}
          selected={cell}
          onSelect={setCell}
          caption={residual ? t('risk.heatMapResidual') : t('risk.heatMap')}
        />
        <div>
          <label className="checkbox">
            <input type="checkbox" checked={residual} onChange={(event) => setResidual(event.target.checked)} />
            {t('risk.showResidual')}
          </label>
          {cell && (
            <p>
              {t('risk.cellFilter', { likelihood: cell.likelihood, impact: cell.impact })}{' '}
              <button type="button" className="secondary" onClick={() => setCell(undefined)}>
                {t('register.clearFilter')}
              </button>
            </p>
          )}
          <RatingBandsForm {...props} />
        </div>
      </div>
      <div className="filters">
        {select(
          'category',
          t('risk.category'),
          RISK_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
        )}
        {select(
          'band',
          t('risk.band'),
          RATING_BANDS.map((b) => ({ value: b, label: t(`band.${b}`) })),
        )}
        {select(
          'owner',
          t('risk.owner'),
          members.map((m) => ({ value: m.userId, label: m.name })),
        )}
        {select(
          'status',
          t('risk.status'),
          RISK_STATUSES.map((s) => ({ value: s, label: t(`riskStatus.${s}`) })),
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(event) => setFilters({ ...filters, overdue: event.target.checked })}
          />
          {t('risk.overdueOnly')}
        </label>
      </div>
      <table className="register-table" data-testid="risk-table">
        <caption className="visually-hidden">{t('risk.tableCaption', { count: shown.length })}</caption>
        <thead>
          <tr>
            {header('title', t('register.title'))}
            {header('category', t('risk.category'))}
            {header('score', t('risk.rating'))}
            <th scope="col">{t('risk.residual')}</th>
            {header('owner', t('risk.owner'))}
            {header('status', t('risk.status'))}
            {header('reviewDue', t('risk.reviewDue'))}
          </tr>
        </thead>
        <tbody>
          {(showAll ? shown : shown.slice(0, FIRST_ROWS)).map((row) => (
            <RiskRow
              key={row.risk.id}
              row={row}
              ownerName={memberName(members, row.risk.owner)}
              overdue={reviewOverdue(row.risk, on)}
              open={open === row.risk.id}
              onToggle={toggle}
              editing={editors.get(row.risk.id)}
            >
              {open === row.risk.id && (
                <RiskEditor
                  {...props}
                  risk={row.risk}
                  onDelete={() => {
                    deleteEntry(session.doc, 'risks', row.risk.id);
                    setOpen(undefined);
                  }}
                />
              )}
            </RiskRow>
          ))}
        </tbody>
      </table>
      {shown.length === 0 && <p className="muted">{t('risk.none')}</p>}
      {!showAll && shown.length > FIRST_ROWS && (
        <p>
          {t('risk.showing', { shown: FIRST_ROWS, count: shown.length })}{' '}
          <button type="button" className="secondary" onClick={() => setShowAll(true)}>
            {t('risk.showAll', { count: shown.length })}
          </button>
        </p>
      )}
    </section>
  );
}

interface RatedRisk {
  risk: Risk;
  score: number;
  band: RatingBand;
  residual: number | undefined;
  residualBand: RatingBand | undefined;
}

/** One row of the register table; memoised, so a change to one risk re-renders one row. */
const RiskRow = memo(function RiskRow(props: {
  row: RatedRisk;
  ownerName: string;
  overdue: boolean;
  open: boolean;
  onToggle(id: string): void;
  editing: (Collaborator & { field?: string })[] | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { risk, score, band, residual, residualBand } = props.row;
  return (
    <>
      <tr data-testid="risk-row" data-risk-id={risk.id} data-anchor-key={`risk:${risk.id}`}>
        <th scope="row">
          <button
            type="button"
            className="link-button"
            aria-expanded={props.open}
            onClick={() => props.onToggle(risk.id)}
          >
            {risk.title}
          </button>
          <EditorsOf people={props.editing} />{' '}
          <AnchorThreadsButton anchor={{ type: 'risk', riskId: risk.id }} label={risk.title} />
        </th>
        <td>{t(`category.${risk.category as RiskCategory}`)}</td>
        <td>
          <span className={`badge band-${band}`} data-testid="risk-score">
            {risk.likelihood}×{risk.impact} = {score} · {t(`band.${band}`)}
          </span>
        </td>
        <td>
          {residual !== undefined && residualBand && (
            <span className={`badge band-${residualBand}`}>
              {residual} · {t(`band.${residualBand}`)}
            </span>
          )}
        </td>
        <td>{props.ownerName}</td>
        <td>{t(`riskStatus.${risk.status}`)}</td>
        <td className={props.overdue ? 'overdue' : undefined}>
          {risk.reviewDue}
          {props.overdue && ` · ${t('risk.overdue')}`}
        </td>
      </tr>
      {props.open && (
        <tr className="editor-row">
          <td colSpan={7}>{props.children}</td>
        </tr>
      )}
    </>
  );
});

function AddRiskForm({ onAdd }: { onAdd(values: Omit<Risk, 'id'>): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<RiskCategory>('strategic');
  const [likelihood, setLikelihood] = useState(3);
  const [impact, setImpact] = useState(3);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    onAdd({
      title: title.trim(),
      category,
      likelihood,
      impact,
      status: 'open',
      raised: today(),
      description: '',
      controls: '',
      mitigation: '',
      goals: [],
    });
    setTitle('');
  };
  const rating = (id: string, label: string, value: number, set: (n: number) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => set(Number(event.target.value))}>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="add-form" onSubmit={submit} aria-label={t('risk.add')}>
      <div className="field">
        <label htmlFor="new-risk-title">{t('register.title')}</label>
        <input id="new-risk-title" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="new-risk-category">{t('risk.category')}</label>
        <select
          id="new-risk-category"
          value={category}
          onChange={(event) => setCategory(event.target.value as RiskCategory)}
        >
          {RISK_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {rating('new-risk-likelihood', t('risk.likelihood'), likelihood, setLikelihood)}
      {rating('new-risk-impact', t('risk.impact'), impact, setImpact)}
      <button type="submit">{t('risk.add')}</button>
    </form>
  );
}
