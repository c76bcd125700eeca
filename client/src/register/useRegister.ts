import {
  type ChecklistItem,
  CloseCode,
  DocFields,
  type EntryReading,
  type Goal,
  migrateRegister,
  type PartnershipLanguage,
  type RatingBandThresholds,
  type RegisterEntryOf,
  type Risk,
  readEntry,
  readRatingBands,
  registerEntries,
} from '@samverka/model';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { DocumentSession } from '../sync/documentSession.ts';

/** Everything the register pages show, read from the Y.Doc; entries failing the schema are kept apart. */
export interface RegisterView {
  goals: Goal[];
  risks: Risk[];
  checklist: ChecklistItem[];
  /** Entries written by an old or foreign client that fail the schema: shown, never crashing a page. */
  needsAttention: Extract<EntryReading<'goals' | 'risks' | 'checklist'>, { ok: false }>[];
  bands: RatingBandThresholds;
}

function split<K extends 'goals' | 'risks' | 'checklist'>(
  readings: EntryReading<K>[],
  bad: RegisterView['needsAttention'],
): RegisterEntryOf[K][] {
  const good: RegisterEntryOf[K][] = [];
  for (const reading of readings) {
    if (reading.ok) good.push(reading.entry);
    else bad.push(reading);
  }
  return good;
}

type Kind = 'goals' | 'risks' | 'checklist';
const KINDS: readonly Kind[] = ['goals', 'risks', 'checklist'];

/**
 * Reads the register and keeps each entry's reading until that entry changes,
 * so one edit re-reads one entry, not all of them, and unchanged entries keep
 * their object identity (rows that did not change skip re-rendering).
 */
class RegisterReader {
  private readonly cache = new Map<Kind, Map<string, EntryReading<Kind>>>(KINDS.map((kind) => [kind, new Map()]));

  constructor(private readonly session: DocumentSession) {}

  /** Forgets the readings an observeDeep batch touched. */
  invalidate(kind: Kind, events: Y.YEvent<Y.AbstractType<unknown>>[]): void {
    const cached = this.cache.get(kind) as Map<string, EntryReading<Kind>>;
    for (const event of events) {
      const [entryId] = event.path;
      if (typeof entryId === 'string') cached.delete(entryId);
      else for (const key of (event as Y.YMapEvent<unknown>).keysChanged ?? []) cached.delete(key);
    }
  }

  private readings<K extends Kind>(kind: K): EntryReading<K>[] {
    const cached = this.cache.get(kind) as Map<string, EntryReading<K>>;
    const result: EntryReading<K>[] = [];
    for (const [id, value] of registerEntries(this.session.doc, kind).entries()) {
      let reading = cached.get(id);
      if (!reading) {
        reading = readEntry(kind, id, value);
        cached.set(id, reading);
      }
      result.push(reading);
    }
    return result;
  }

  read(): RegisterView {
    const needsAttention: RegisterView['needsAttention'] = [];
    const goals = split(this.readings('goals'), needsAttention).sort((a, b) => a.title.localeCompare(b.title));
    const risks = split(this.readings('risks'), needsAttention);
    const checklist = split(this.readings('checklist'), needsAttention).sort((a, b) => a.order - b.order);
    return { goals, risks, checklist, needsAttention, bands: readRatingBands(this.session.doc) };
  }
}

/** The live register view of a session, re-read at most once per animation frame. */
export function useRegister(session: DocumentSession): RegisterView {
  const reader = useMemo(() => new RegisterReader(session), [session]);
  const [view, setView] = useState(() => reader.read());
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setView(reader.read());
      });
    };
    const observers = KINDS.map((kind) => {
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        reader.invalidate(kind, events);
        schedule();
      };
      registerEntries(session.doc, kind).observeDeep(observer);
      return () => registerEntries(session.doc, kind).unobserveDeep(observer);
    });
    const settings = session.doc.getMap(DocFields.registerSettings);
    settings.observeDeep(schedule);
    schedule();
    return () => {
      cancelAnimationFrame(frame);
      for (const stop of observers) stop();
      settings.unobserveDeep(schedule);
    };
  }, [session, reader]);
  return view;
}

/** Brings an older register to the current shape once it is synced, if this member may edit. */
export function useRegisterMigration(
  session: DocumentSession,
  synced: boolean,
  canEdit: boolean,
  language: PartnershipLanguage,
) {
  useEffect(() => {
    if (synced && canEdit) migrateRegister(session.doc, language);
  }, [session, synced, canEdit, language]);
}

/**
 * Whether the server refused one of this browser's edits (SCHEMA_REJECTED). The
 * local copy then holds what the server will never accept, so the browser's
 * stored copy is dropped and the page asks for a reload.
 */
export function useSchemaRejected(session: DocumentSession): boolean {
  return useSyncExternalStore(
    (notify) => {
      const onClose = (event: CloseEvent | null) => {
        if (event?.code !== CloseCode.SCHEMA_REJECTED) return;
        rejected.add(session.documentId);
        void session.persistence?.clearData();
        notify();
      };
      session.provider.on('connection-close', onClose);
      return () => session.provider.off('connection-close', onClose);
    },
    () => rejected.has(session.documentId),
  );
}
const rejected = new Set<string>();
