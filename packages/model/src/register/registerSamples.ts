import type { Goal, Risk } from './registerFields.ts';

/** Text with what CSV and spreadsheets find hardest: Swedish letters, commas, quotes, semicolons, line breaks. */
export const SAMPLE_TRICKY_TEXT = 'Åsa sa: "hej, då"\r\nNy rad; semikolon\noch ä, ö';

/** A risk with every field set, for tests, demos and benchmarks. */
export const SAMPLE_RISK: Risk = {
  id: 'r-1',
  title: 'Exportkontroll, "dual use"',
  description: SAMPLE_TRICKY_TEXT,
  category: 'export-control',
  phase: 'active',
  likelihood: 4,
  impact: 5,
  residualLikelihood: 2,
  residualImpact: 3,
  controls: 'Granskning; kvartalsvis',
  treatment: 'treat',
  mitigation: ' inleds och slutar med blanksteg ',
  owner: 'user-1',
  status: 'monitoring',
  raised: '2026-01-15',
  reviewDue: '2026-03-01',
  goals: ['g-1'],
};

/** A goal with every field set, for tests, demos and benchmarks. */
export const SAMPLE_GOAL: Goal = {
  id: 'g-1',
  title: 'Fler gemensamma doktorander',
  description: SAMPLE_TRICKY_TEXT,
  strategyUniversity: 'Forskningsstrategi 2030, mål 3',
  strategyPartner: 'R&D "Horizon" plan',
  ownerUniversity: 'u-1',
  ownerPartner: 'u-2',
  indicators: [
    { id: 'i1', name: 'Doktorander', unit: 'st', baseline: 2, target: 10, current: 4.5, updated: '2026-02-01' },
  ],
  due: '2028-12-31',
  status: 'on-track',
  forms: ['education', 'research'],
};
