import { uuidv4 } from 'lib0/random';
import * as Y from 'yjs';
import { DOC_SCHEMA_VERSION, DocFields, readDocMeta } from '../documentShapes.ts';
import type { PartnershipLanguage } from '../roles.ts';
import { DEFAULT_RATING_BANDS, type RatingBandThresholds, ratingBandThresholdsSchema } from './ratingBands.ts';
import {
  type FieldIssue,
  type FieldSpec,
  type Indicator,
  REGISTER_ENTRY_SCHEMAS,
  REGISTER_FIELDS,
  type RegisterEntryKind,
  type RegisterEntryOf,
} from './registerFields.ts';
import { SPETS_CHECKLIST } from './spetsChecklist.ts';

/** The only top-level shared types a register may hold. */
export const REGISTER_TOP_LEVEL = [
  DocFields.meta,
  DocFields.goals,
  DocFields.risks,
  DocFields.checklist,
  DocFields.registerSettings,
] as const;

/** Origin of transactions that migrate or seed a register, so pages can tell them from a person's edit. */
export const REGISTER_MIGRATION_ORIGIN = 'register-migration';

/** The top-level map holding one kind of entry. */
export function registerEntries(doc: Y.Doc, kind: RegisterEntryKind): Y.Map<unknown> {
  return doc.getMap<unknown>(kind);
}

/** A fresh stable entry id. */
export function newEntryId(): string {
  return uuidv4();
}

function fieldSpec(kind: RegisterEntryKind, field: string): FieldSpec | undefined {
  return (REGISTER_FIELDS[kind] as Record<string, FieldSpec>)[field];
}

/** The result of reading one entry: its JSON, or what is wrong with it. */
export type EntryReading<K extends RegisterEntryKind> =
  | { ok: true; entry: RegisterEntryOf[K] }
  | { ok: false; id: string; title: string; issues: FieldIssue[] };

/**
 * Reads an entry's Y.Map as JSON and checks it against the field list and the
 * zod schema. A wrong storage (a number where a Y.Text belongs) is an issue, not a throw.
 */
export function readEntry<K extends RegisterEntryKind>(kind: K, id: string, value: unknown): EntryReading<K> {
  const issues: FieldIssue[] = [];
  if (!(value instanceof Y.Map)) {
    return { ok: false, id, title: id, issues: [{ field: '', message: 'entry is not a map of fields' }] };
  }
  const json: Record<string, unknown> = { id };
  for (const [field, raw] of value.entries()) {
    const spec = fieldSpec(kind, field);
    if (!spec) {
      issues.push({ field, message: 'unknown field' });
      continue;
    }
    const read = readField(spec, raw);
    if ('issue' in read) issues.push({ field, message: read.issue });
    else json[field] = read.value;
  }
  const parsed = REGISTER_ENTRY_SCHEMAS[kind].safeParse(json);
  if (parsed.success && issues.length === 0) return { ok: true, entry: parsed.data as RegisterEntryOf[K] };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!issues.some((known) => known.field === field)) issues.push({ field, message: issue.message });
    }
  }
  const title = typeof json.title === 'string' ? json.title : typeof json.question === 'string' ? json.question : id;
  return { ok: false, id, title, issues };
}

function readField(spec: FieldSpec, raw: unknown): { value: unknown } | { issue: string } {
  switch (spec.storage) {
    case 'plain':
      if (raw instanceof Y.AbstractType) return { issue: 'must be a plain value, not a shared type' };
      return { value: raw };
    case 'text': {
      if (!(raw instanceof Y.Text)) return { issue: 'must be a shared text' };
      const delta = raw.toDelta() as { insert: unknown }[];
      if (delta.some((op) => typeof op.insert !== 'string')) return { issue: 'text may hold only characters' };
      return { value: raw.toString() };
    }
    case 'set': {
      if (!(raw instanceof Y.Map)) return { issue: 'must be a shared set' };
      const members: string[] = [];
      for (const [member, present] of raw.entries()) {
        if (present !== true) return { issue: 'set members must be marked true' };
        members.push(member);
      }
      return { value: members.sort() };
    }
    case 'indicators': {
      if (!(raw instanceof Y.Map)) return { issue: 'must be a shared map of indicators' };
      const indicators: unknown[] = [];
      for (const [indicatorId, indicator] of raw.entries()) {
        if (indicator === null || typeof indicator !== 'object' || indicator instanceof Y.AbstractType) {
          return { issue: 'each indicator must be a plain object' };
        }
        if ((indicator as { id?: unknown }).id !== indicatorId)
          return { issue: 'an indicator is stored under another id' };
        indicators.push(indicator);
      }
      return {
        value: indicators.sort((a, b) => String((a as Indicator).id).localeCompare(String((b as Indicator).id))),
      };
    }
  }
}

/** Every entry of one kind, valid ones as JSON and the rest with their issues, in insertion-independent id order. */
export function readEntries<K extends RegisterEntryKind>(doc: Y.Doc, kind: K): EntryReading<K>[] {
  const readings: EntryReading<K>[] = [];
  for (const [id, value] of registerEntries(doc, kind).entries()) readings.push(readEntry(kind, id, value));
  return readings;
}

type EntryInput<K extends RegisterEntryKind> = Partial<Omit<RegisterEntryOf[K], 'id'>>;

/** Writes JSON values into an entry map, each field in the storage its spec names. */
function writeFields<K extends RegisterEntryKind>(kind: K, map: Y.Map<unknown>, values: EntryInput<K>): void {
  for (const [field, value] of Object.entries(values)) {
    const spec = fieldSpec(kind, field);
    if (!spec) throw new Error(`unknown ${kind} field ${field}`);
    writeField(spec, map, field, value);
  }
}

function writeField(spec: FieldSpec, map: Y.Map<unknown>, field: string, value: unknown): void {
  if (value === undefined) {
    if (spec.storage === 'plain') map.delete(field);
    return;
  }
  switch (spec.storage) {
    case 'plain':
      if (map.get(field) !== value) map.set(field, value);
      return;
    case 'text': {
      const existing = map.get(field);
      const text = existing instanceof Y.Text ? existing : map.set(field, new Y.Text());
      replaceText(text, String(value));
      return;
    }
    case 'set': {
      const members = childMap(map, field);
      const wanted = new Set(value as string[]);
      for (const member of [...members.keys()]) if (!wanted.has(member)) members.delete(member);
      for (const member of wanted) if (members.get(member) !== true) members.set(member, true);
      return;
    }
    case 'indicators': {
      const indicators = childMap(map, field);
      const wanted = new Map((value as Indicator[]).map((indicator) => [indicator.id, indicator]));
      for (const id of [...indicators.keys()]) if (!wanted.has(id)) indicators.delete(id);
      for (const [id, indicator] of wanted) {
        if (JSON.stringify(indicators.get(id)) !== JSON.stringify(indicator)) indicators.set(id, { ...indicator });
      }
      return;
    }
  }
}

/** The Y.Map stored under `field`, created when missing (a set or the indicators). */
function childMap(map: Y.Map<unknown>, field: string): Y.Map<unknown> {
  const existing = map.get(field);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  return map.set(field, new Y.Map<unknown>());
}

/**
 * Replaces a text's content only where it differs (common prefix and suffix
 * kept), so carets elsewhere stay put. `caret` (the editor's caret after the
 * change) settles ambiguous cases such as typing a letter next to the same letter.
 */
export function replaceText(text: Y.Text, next: string, caret?: number): void {
  const current = text.toString();
  if (current === next) return;
  const maxSuffix = Math.min(current.length, next.length, caret === undefined ? next.length : next.length - caret);
  let end = 0;
  while (end < maxSuffix && current[current.length - 1 - end] === next[next.length - 1 - end]) end += 1;
  let start = 0;
  while (start < current.length - end && start < next.length - end && current[start] === next[start]) start += 1;
  const apply = () => {
    text.delete(start, current.length - start - end);
    text.insert(start, next.slice(start, next.length - end));
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

/** Adds an entry (all fields in one transaction, so it never exists half-made); returns its id. */
export function createEntry<K extends RegisterEntryKind>(
  doc: Y.Doc,
  kind: K,
  values: EntryInput<K>,
  id: string = newEntryId(),
): string {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    registerEntries(doc, kind).set(id, map);
    // Every shared child exists from the start: two people creating the same
    // child concurrently would otherwise each make one, and only one survives.
    for (const [field, spec] of Object.entries(REGISTER_FIELDS[kind] as Record<string, FieldSpec>)) {
      if (spec.storage === 'text') map.set(field, new Y.Text());
      else if (spec.storage !== 'plain') map.set(field, new Y.Map<unknown>());
    }
    writeFields(kind, map, values);
  });
  return id;
}

/** Creates the entry, or updates only the fields given (texts edited in place): what an import does. */
export function upsertEntry<K extends RegisterEntryKind>(doc: Y.Doc, kind: K, id: string, values: EntryInput<K>): void {
  const existing = registerEntries(doc, kind).get(id);
  if (!(existing instanceof Y.Map)) {
    createEntry(doc, kind, values, id);
    return;
  }
  doc.transact(() => writeFields(kind, existing, values));
}

/** Sets one field of an existing entry (undefined clears an optional plain field). */
export function setEntryField<K extends RegisterEntryKind>(
  doc: Y.Doc,
  kind: K,
  id: string,
  field: keyof EntryInput<K> & string,
  value: unknown,
): void {
  const map = registerEntries(doc, kind).get(id);
  const spec = fieldSpec(kind, field);
  if (!(map instanceof Y.Map) || !spec) return;
  doc.transact(() => writeField(spec, map, field, value));
}

/** The shared text of an entry's text field, created (in its own transaction) when missing. */
export function entryText(doc: Y.Doc, kind: RegisterEntryKind, id: string, field: string): Y.Text | undefined {
  const map = registerEntries(doc, kind).get(id);
  if (!(map instanceof Y.Map) || fieldSpec(kind, field)?.storage !== 'text') return undefined;
  const existing = map.get(field);
  if (existing instanceof Y.Text) return existing;
  if (existing !== undefined) return undefined;
  return map.set(field, new Y.Text());
}

/** Adds or removes one member of a set field (linked goals, forms) so concurrent changes merge. */
export function setMembership(
  doc: Y.Doc,
  kind: RegisterEntryKind,
  id: string,
  field: string,
  member: string,
  present: boolean,
): void {
  const map = registerEntries(doc, kind).get(id);
  if (!(map instanceof Y.Map) || fieldSpec(kind, field)?.storage !== 'set') return;
  doc.transact(() => {
    const members = childMap(map, field);
    if (present) members.set(member, true);
    else members.delete(member);
  });
}

/** Adds or replaces one indicator of a goal; `undefined` removes it. */
export function setIndicator(doc: Y.Doc, goalId: string, indicatorId: string, indicator: Indicator | undefined): void {
  const map = registerEntries(doc, 'goals').get(goalId);
  if (!(map instanceof Y.Map)) return;
  doc.transact(() => {
    const indicators = childMap(map, 'indicators');
    if (indicator) indicators.set(indicatorId, { ...indicator, id: indicatorId });
    else indicators.delete(indicatorId);
  });
}

export function deleteEntry(doc: Y.Doc, kind: RegisterEntryKind, id: string): void {
  registerEntries(doc, kind).delete(id);
}

/** The partnership's rating bands, or the default when unset or unreadable. */
export function readRatingBands(doc: Y.Doc): RatingBandThresholds {
  const parsed = ratingBandThresholdsSchema.safeParse(doc.getMap(DocFields.registerSettings).get('ratingBands'));
  return parsed.success ? parsed.data : DEFAULT_RATING_BANDS;
}

export function writeRatingBands(doc: Y.Doc, thresholds: RatingBandThresholds): void {
  doc.getMap(DocFields.registerSettings).set('ratingBands', { ...thresholds });
}

/** Issues with the register's settings map (only `ratingBands` is known). */
export function checkRegisterSettings(settings: Y.Map<unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, value] of settings.entries()) {
    if (key !== 'ratingBands') issues.push({ field: key, message: 'unknown setting' });
    else if (!ratingBandThresholdsSchema.safeParse(value).success) {
      issues.push({ field: key, message: 'rating bands must be rising whole numbers 1–24' });
    }
  }
  return issues;
}

/** Issues with a register's meta map: it must stay a register at a known schema version. */
export function checkRegisterMeta(meta: Y.Map<unknown>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [key, value] of meta.entries()) {
    if (key === 'kind') {
      if (value !== 'register') issues.push({ field: key, message: 'a register stays a register' });
    } else if (key === 'schemaVersion') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > DOC_SCHEMA_VERSION.register) {
        issues.push({ field: key, message: 'unknown schema version' });
      }
    } else issues.push({ field: key, message: 'unknown meta field' });
  }
  return issues;
}

/** Prefills the SPETS checklist (deterministic ids: two clients doing it at once write the same entries). */
export function seedRegister(doc: Y.Doc, language: PartnershipLanguage): void {
  doc.transact(() => {
    const checklist = registerEntries(doc, 'checklist');
    SPETS_CHECKLIST.forEach((item, order) => {
      if (checklist.has(item.id)) return;
      createEntry(
        doc,
        'checklist',
        { section: item.section[language], question: item.question[language], order },
        item.id,
      );
    });
  }, REGISTER_MIGRATION_ORIGIN);
}

/**
 * Brings a register written at schema version 1 (meta only, nothing else) to
 * the current shape: stamps the version and prefills the checklist. Returns
 * whether anything changed. Safe to run on several clients at once.
 */
export function migrateRegister(doc: Y.Doc, language: PartnershipLanguage): boolean {
  const meta = readDocMeta(doc);
  if (meta?.kind !== 'register' || meta.schemaVersion >= DOC_SCHEMA_VERSION.register) return false;
  doc.transact(() => {
    doc.getMap(DocFields.meta).set('schemaVersion', DOC_SCHEMA_VERSION.register);
    if (registerEntries(doc, 'checklist').size === 0) seedRegister(doc, language);
  }, REGISTER_MIGRATION_ORIGIN);
  return true;
}
