import type { PartnershipLanguage } from '../roles.ts';

interface ChecklistQuestion {
  /** Stable id, the same in every document, so two clients prefilling at once write the same entries. */
  id: string;
  section: Record<PartnershipLanguage, string>;
  question: Record<PartnershipLanguage, string>;
}

const governance = { en: 'Governance and management', sv: 'Styrning och ledning' };

/**
 * The governance questions of the SPETS risk and suitability template
 * (Linnaeus University 2020), the checklist a new register starts with.
 */
export const SPETS_CHECKLIST: readonly ChecklistQuestion[] = [
  {
    id: 'spets-vision-fit',
    section: governance,
    question: {
      en: "Do the partner's vision, goals and strategy fit ours?",
      sv: 'Passar partnerns vision, mål och strategi ihop med våra?',
    },
  },
  {
    id: 'spets-university-strategy',
    section: governance,
    question: {
      en: 'Does the partner have a strategy, goals and action plans for working with universities?',
      sv: 'Har partnern en strategi, mål och handlingsplaner för samverkan med lärosäten?',
    },
  },
  {
    id: 'spets-named-people',
    section: governance,
    question: {
      en: 'Are responsible people named at management, coordination and operational level?',
      sv: 'Finns utsedda ansvariga på lednings-, samordnings- och operativ nivå?',
    },
  },
  {
    id: 'spets-resources',
    section: governance,
    question: {
      en: 'Are resources allocated for the partnership?',
      sv: 'Är resurser avsatta för partnerskapet?',
    },
  },
  {
    id: 'spets-conflicts',
    section: governance,
    question: {
      en: 'Are there conflicts of interest for the university?',
      sv: 'Finns det intressekonflikter för lärosätet?',
    },
  },
];

/** The answers the SPETS template offers; the answer field is free text, these fill it in one click. */
export const SPETS_ANSWER_CHOICES: Record<PartnershipLanguage, readonly string[]> = {
  en: ['Yes', 'No', 'More info', 'Not applicable'],
  sv: ['Ja', 'Nej', 'Mer information', 'Ej tillämpligt'],
};
