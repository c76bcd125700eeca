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
  readEntries,
  readRatingBands,
} from '@samverka/model';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
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

/** Reads the whole register; pages re-read on every change (cheap: a few hundred small maps). */
export function readRegister(session: DocumentSession): RegisterView {
  const needsAttention: RegisterView['needsAttention'] = [];
  const goals = split(readEntries(session.doc, 'goals'), needsAttention).sort((a, b) => a.title.localeCompare(b.title));
  const risks = split(readEntries(session.doc, 'risks'), needsAttention);
  const checklist = split(readEntries(session.doc, 'checklist'), needsAttention).sort((a, b) => a.order - b.order);
  return { goals, risks, checklist, needsAttention, bands: readRatingBands(session.doc) };
}

const OBSERVED = [DocFields.goals, DocFields.risks, DocFields.checklist, DocFields.registerSettings] as const;

/** A counter that moves on every change to the register, batched to one render per animation frame. */
function useRegisterVersion(session: DocumentSession): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let frame = 0;
    const bump = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    const maps = OBSERVED.map((name) => session.doc.getMap(name));
    for (const map of maps) map.observeDeep(bump);
    return () => {
      cancelAnimationFrame(frame);
      for (const map of maps) map.unobserveDeep(bump);
    };
  }, [session]);
  return version;
}

/** The live register view of a session. */
export function useRegister(session: DocumentSession): RegisterView {
  const version = useRegisterVersion(session);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the change trigger
  return useMemo(() => readRegister(session), [session, version]);
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
