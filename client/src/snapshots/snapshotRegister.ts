import {
  type Goal,
  type RatingBandThresholds,
  type Risk,
  readEntry,
  readRatingBands,
  registerEntries,
} from '@samverka/model';
import type * as Y from 'yjs';
import { key } from '../register/HeatMap.tsx';
import { riskRatings } from '../register/registerFormat.ts';

/** A snapshot's register: the goals and risks passing the model's schema (as the live pages show them). */
export interface SnapshotRegisterView {
  goals: Goal[];
  risks: Risk[];
  bands: RatingBandThresholds;
}

/** Reads a stored register once: it never changes, so there is nothing to observe. */
export function readSnapshotRegister(doc: Y.Doc): SnapshotRegisterView {
  const read = <K extends 'goals' | 'risks'>(kind: K) =>
    [...registerEntries(doc, kind).entries()].flatMap(([id, value]) => {
      const reading = readEntry(kind, id, value);
      return reading.ok ? [reading.entry] : [];
    });
  const goals = (read('goals') as Goal[]).sort((a, b) => a.title.localeCompare(b.title));
  return { goals, risks: read('risks') as Risk[], bands: readRatingBands(doc) };
}

/** How many risks sit in each heat-map cell (by inherent likelihood × impact). */
export function heatCounts(risks: Risk[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const risk of risks) {
    const at = key({ likelihood: risk.likelihood, impact: risk.impact });
    counts.set(at, (counts.get(at) ?? 0) + 1);
  }
  return counts;
}

/** The open and monitored risks, highest score first: the report's "top risks". */
export function topRisks(view: SnapshotRegisterView, limit: number): Risk[] {
  return view.risks
    .filter((risk) => risk.status !== 'closed')
    .sort(
      (a, b) => riskRatings(b, view.bands).score - riskRatings(a, view.bands).score || a.title.localeCompare(b.title),
    )
    .slice(0, limit);
}
