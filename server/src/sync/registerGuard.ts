import {
  checkRegisterMeta,
  checkRegisterSettings,
  DocFields,
  type FieldIssue,
  REGISTER_ENTRY_KINDS,
  REGISTER_TOP_LEVEL,
  type RegisterEntryKind,
  readEntry,
} from '@samverka/model';
import * as Y from 'yjs';
import type { DocumentValidator, UpdateVerdict } from './documentValidator.ts';

/** Fields of one entry an update touched; `all` when the entry itself was added or replaced. */
/** Any shared type, as Yjs types the keys of `transaction.changed`. */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

type Touched = Map<string, Map<string, Set<string> | 'all'>>;

const ENTRY_KINDS: ReadonlySet<string> = new Set(REGISTER_ENTRY_KINDS);
const TOP_LEVEL: ReadonlySet<string> = new Set(REGISTER_TOP_LEVEL);

/**
 * The server's check of register updates. Yjs cannot undo an applied update,
 * so each one is first applied to a scratch replica of the room's document;
 * only the entries and fields it touched are checked there against the model's
 * field list, and only an admitted update reaches the room. A refused update
 * leaves the scratch replica ahead of the room, so it is copied again (rare:
 * only buggy or hostile clients are refused).
 */
export class RegisterGuard implements DocumentValidator {
  private scratch: Y.Doc;

  constructor(private readonly roomDoc: Y.Doc) {
    this.scratch = copyOf(roomDoc);
  }

  admit(update: Uint8Array): UpdateVerdict {
    const namesBefore = new Set(this.scratch.share.keys());
    let issues: string[] = [];
    try {
      this.scratch.transact((transaction) => {
        Y.applyUpdate(this.scratch, update);
        issues = this.check(transaction, namesBefore);
      });
    } catch (error) {
      this.reset();
      throw error;
    }
    if (issues.length === 0) return { ok: true };
    this.reset();
    return { ok: false, reason: issues.slice(0, 5).join('; ') };
  }

  stored(updates: readonly Uint8Array[]): void {
    // The replica must hold what the room holds, or a later update touching it would go unchecked.
    this.scratch.transact(() => {
      for (const update of updates) Y.applyUpdate(this.scratch, update);
    });
  }

  reset(): void {
    this.scratch.destroy();
    this.scratch = copyOf(this.roomDoc);
  }

  private check(transaction: Y.Transaction, namesBefore: Set<string>): string[] {
    const issues: string[] = [];
    for (const name of this.scratch.share.keys()) {
      if (!TOP_LEVEL.has(name) && !namesBefore.has(name)) issues.push(`unknown shared type "${name}"`);
    }
    const touched: Touched = new Map();
    for (const [type, keys] of transaction.changed) {
      const path = this.locate(type);
      if (!path) continue;
      const [entryId, field] = path.below;
      if (type instanceof Y.Map && keys.has(null))
        issues.push(`${path.top}/${path.below.join('/')} is a map, not a list`);
      if (!ENTRY_KINDS.has(path.top)) {
        if (path.below.length > 0) issues.push(`${path.top} holds plain values only`);
        continue;
      }
      const fields = touched.get(path.top) ?? new Map<string, Set<string> | 'all'>();
      touched.set(path.top, fields);
      if (entryId === undefined) {
        for (const key of keys) if (key !== null) fields.set(key, 'all');
      } else {
        const known = fields.get(entryId);
        if (known === 'all') continue;
        const set = known ?? new Set<string>();
        fields.set(entryId, set);
        if (field === undefined) for (const key of keys) set.add(key ?? '');
        else set.add(field);
      }
    }
    issues.push(...this.checkTopMaps(transaction));
    for (const [kind, entries] of touched) {
      const map = this.scratch.getMap<unknown>(kind);
      for (const [id, fields] of entries) {
        const value = map.get(id);
        if (value === undefined) continue; // deleted
        const reading = readEntry(kind as RegisterEntryKind, id, value);
        if (reading.ok) continue;
        const relevant = reading.issues.filter(
          (issue) => fields === 'all' || issue.field === '' || fields.has(issue.field),
        );
        issues.push(...relevant.map((issue) => describeIssue(`${kind}/${id}`, issue)));
      }
    }
    return issues;
  }

  /** Meta and settings are checked whole whenever they change: both are tiny. */
  private checkTopMaps(transaction: Y.Transaction): string[] {
    const issues: string[] = [];
    const meta = this.scratch.getMap<unknown>(DocFields.meta);
    const settings = this.scratch.getMap<unknown>(DocFields.registerSettings);
    if (transaction.changed.has(meta as unknown as SharedType))
      issues.push(...checkRegisterMeta(meta).map((i) => describeIssue('meta', i)));
    if (transaction.changed.has(settings as unknown as SharedType)) {
      issues.push(...checkRegisterSettings(settings).map((i) => describeIssue('settings', i)));
    }
    return issues;
  }

  /** The top-level name and the map keys leading from it to `type`; undefined inside something deleted. */
  private locate(type: SharedType): { top: string; below: string[] } | undefined {
    const below: string[] = [];
    let current = type;
    while (current._item !== null) {
      const item = current._item;
      if (item.deleted) return undefined;
      below.unshift(item.parentSub ?? '');
      current = item.parent as SharedType;
    }
    for (const [name, shared] of this.scratch.share) if ((shared as unknown) === current) return { top: name, below };
    return undefined;
  }
}

function describeIssue(where: string, issue: FieldIssue): string {
  return `${where}${issue.field ? `.${issue.field}` : ''}: ${issue.message}`;
}

/** A replica of the room's document, including updates still waiting for their dependencies. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  for (const name of REGISTER_TOP_LEVEL) copy.getMap(name);
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const pending = doc.store.pendingStructs?.update;
  if (pending) Y.applyUpdate(copy, pending);
  if (doc.store.pendingDs) Y.applyUpdate(copy, doc.store.pendingDs);
  return copy;
}
