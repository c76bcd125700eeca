import type * as Y from 'yjs';
import type {
  FieldChange,
  FieldValue,
  GoalChange,
  GoalEntry,
  IndicatorChange,
  RiskChange,
  RiskEntry,
  RiskMove,
  SnapshotComparison,
} from '../api/snapshots.ts';
import { readEntries } from '../register/registerDoc.ts';
import { type Goal, type Indicator, REGISTER_FIELDS, type Risk } from '../register/registerFields.ts';
import { byTitleThenId } from './compareOrder.ts';

/** A field's value as compared: absent is null, sets are sorted so their order does not count. */
function comparable(value: unknown): FieldValue {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(String).sort();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, n) => item === b[n]);
  return a === b;
}

/** The fields (of `names`) whose values differ, in the field list's order. */
function fieldChanges(names: readonly string[], before: object, after: object): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of names) {
    const was = comparable((before as Record<string, unknown>)[field]);
    const is = comparable((after as Record<string, unknown>)[field]);
    if (!sameValue(was, is)) changes.push({ field, before: was, after: is });
  }
  return changes;
}

/** Valid entries of one kind by id; an entry that fails its schema cannot be compared field by field. */
function entriesById<T extends { id: string }>(doc: Y.Doc | undefined, kind: 'goals' | 'risks'): Map<string, T> {
  const entries = new Map<string, T>();
  if (!doc) return entries;
  for (const reading of readEntries(doc, kind))
    if (reading.ok) entries.set(reading.entry.id, reading.entry as unknown as T);
  return entries;
}

const indicatorValues = (indicator: Indicator) => ({
  name: indicator.name,
  unit: indicator.unit,
  baseline: indicator.baseline,
  target: indicator.target,
  current: indicator.current ?? null,
});

function indicatorChanges(before: Indicator[], after: Indicator[]): IndicatorChange[] {
  const was = new Map(before.map((indicator) => [indicator.id, indicatorValues(indicator)]));
  const is = new Map(after.map((indicator) => [indicator.id, indicatorValues(indicator)]));
  const changes: IndicatorChange[] = [];
  for (const [id, values] of is) {
    const old = was.get(id);
    if (!old) changes.push({ id, change: 'added', before: null, after: values });
    else if (fieldChanges(Object.keys(values), old, values).length > 0)
      changes.push({ id, change: 'changed', before: old, after: values });
  }
  for (const [id, values] of was) if (!is.has(id)) changes.push({ id, change: 'removed', before: values, after: null });
  return changes.sort((a, b) => a.id.localeCompare(b.id));
}

const GOAL_FIELDS = Object.keys(REGISTER_FIELDS.goals).filter((field) => field !== 'indicators');
/** Likelihood and impact are the heat-map cell: a change there is a move, not a field change. */
const RISK_FIELDS = Object.keys(REGISTER_FIELDS.risks).filter((field) => field !== 'likelihood' && field !== 'impact');

/** Goals added, removed, and changed (fields and indicators) between two register documents. */
export function compareGoals(before: Y.Doc | undefined, after: Y.Doc | undefined): SnapshotComparison['goals'] {
  const was = entriesById<Goal>(before, 'goals');
  const is = entriesById<Goal>(after, 'goals');
  const entry = (goal: Goal): GoalEntry => ({ id: goal.id, title: goal.title, status: goal.status });
  const added: GoalEntry[] = [];
  const changed: GoalChange[] = [];
  for (const [id, goal] of is) {
    const old = was.get(id);
    if (!old) {
      added.push(entry(goal));
      continue;
    }
    const fields = fieldChanges(GOAL_FIELDS, old, goal);
    const indicators = indicatorChanges(old.indicators, goal.indicators);
    if (fields.length > 0 || indicators.length > 0) changed.push({ id, title: goal.title, fields, indicators });
  }
  const removed = [...was.values()].filter((goal) => !is.has(goal.id)).map(entry);
  return {
    added: added.sort(byTitleThenId),
    removed: removed.sort(byTitleThenId),
    changed: changed.sort(byTitleThenId),
  };
}

/** Risks added, removed, changed (fields other than the cell) and moved on the heat map. */
export function compareRisks(before: Y.Doc | undefined, after: Y.Doc | undefined): SnapshotComparison['risks'] {
  const was = entriesById<Risk>(before, 'risks');
  const is = entriesById<Risk>(after, 'risks');
  const cell = (risk: Risk) => ({ likelihood: risk.likelihood, impact: risk.impact });
  const entry = (risk: Risk): RiskEntry => ({ id: risk.id, title: risk.title, status: risk.status, cell: cell(risk) });
  const added: RiskEntry[] = [];
  const changed: RiskChange[] = [];
  const moved: RiskMove[] = [];
  for (const [id, risk] of is) {
    const old = was.get(id);
    if (!old) {
      added.push(entry(risk));
      continue;
    }
    const fields = fieldChanges(RISK_FIELDS, old, risk);
    if (fields.length > 0) changed.push({ id, title: risk.title, fields });
    if (old.likelihood !== risk.likelihood || old.impact !== risk.impact)
      moved.push({ id, title: risk.title, before: cell(old), after: cell(risk) });
  }
  const removed = [...was.values()].filter((risk) => !is.has(risk.id)).map(entry);
  return {
    added: added.sort(byTitleThenId),
    removed: removed.sort(byTitleThenId),
    changed: changed.sort(byTitleThenId),
    moved: moved.sort(byTitleThenId),
  };
}
