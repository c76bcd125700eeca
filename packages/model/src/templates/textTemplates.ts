import * as Y from 'yjs';
import type { TextTemplate } from '../api/documents.ts';
import { textContent } from '../documentShapes.ts';
import type { PartnershipLanguage } from '../roles.ts';

interface TemplateText {
  heading: string;
  prompts: string[];
}

/** Heading and prompt paragraphs of each text template, in both languages. */
export const TEXT_TEMPLATE_CONTENT: Record<TextTemplate, Record<PartnershipLanguage, TemplateText>> = {
  'partnership-agreement': {
    en: {
      heading: 'Partnership agreement',
      prompts: [
        'Purpose: why do the university and the partner work together, and what will each gain?',
        'Shared goals for the agreement period, and how progress will be followed up.',
        'Governance: steering group, contact persons on each side, and how decisions are made.',
        'Resources each side commits (people, money, facilities), intellectual property and publication.',
        'Term, review, renewal and how either side may end the partnership.',
      ],
    },
    sv: {
      heading: 'Partnerskapsavtal',
      prompts: [
        'Syfte: varför samverkar lärosätet och partnern, och vad vinner var och en?',
        'Gemensamma mål för avtalsperioden och hur de följs upp.',
        'Styrning: styrgrupp, kontaktpersoner på vardera sidan och hur beslut fattas.',
        'Resurser som vardera parten bidrar med (personer, medel, lokaler), immateriella rättigheter och publicering.',
        'Avtalstid, utvärdering, förnyelse och hur en part kan avsluta samarbetet.',
      ],
    },
  },
  'annual-plan': {
    en: {
      heading: 'Annual plan',
      prompts: [
        'Priorities for the year, linked to the partnership goals.',
        'Activities with owners on each side, milestones and dates.',
        'Budget and resources for the year.',
        'Risks to watch this year and how they are handled.',
      ],
    },
    sv: {
      heading: 'Årsplan',
      prompts: [
        'Årets prioriteringar, kopplade till partnerskapets mål.',
        'Aktiviteter med ansvariga på vardera sidan, milstolpar och datum.',
        'Budget och resurser för året.',
        'Risker att bevaka under året och hur de hanteras.',
      ],
    },
  },
  'steering-notes': {
    en: {
      heading: 'Steering group notes',
      prompts: [
        'Date, participants from the university and the partner.',
        'Follow-up of goals and of actions from the last meeting.',
        'Decisions taken.',
        'Actions, owners and deadlines.',
      ],
    },
    sv: {
      heading: 'Anteckningar från styrgruppsmöte',
      prompts: [
        'Datum, deltagare från lärosätet och partnern.',
        'Uppföljning av mål och av åtgärder från förra mötet.',
        'Fattade beslut.',
        'Åtgärder, ansvariga och tidsfrister.',
      ],
    },
  },
  'evaluation-report': {
    en: {
      heading: 'Evaluation report',
      prompts: [
        'What the partnership set out to achieve, and what it achieved.',
        'Value for each side: education, research, innovation, recruitment.',
        'What worked well in the collaboration, and what did not.',
        'Recommendation: renew, change or phase out, and why.',
      ],
    },
    sv: {
      heading: 'Utvärderingsrapport',
      prompts: [
        'Vad partnerskapet skulle uppnå, och vad det uppnådde.',
        'Värde för vardera parten: utbildning, forskning, innovation, kompetensförsörjning.',
        'Vad som fungerade väl i samarbetet, och vad som inte gjorde det.',
        'Rekommendation: förnya, förändra eller avveckla, och varför.',
      ],
    },
  },
};

/**
 * Seeds an empty text document's Tiptap fragment with a template as heading and
 * paragraph nodes. Does nothing if the fragment already has content.
 */
export function seedTextTemplate(doc: Y.Doc, template: TextTemplate, language: PartnershipLanguage): void {
  const fragment = textContent(doc);
  if (fragment.length > 0) return;
  const content = TEXT_TEMPLATE_CONTENT[template][language];
  doc.transact(() => {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 1 as unknown as string);
    heading.insert(0, [new Y.XmlText(content.heading)]);
    const paragraphs = content.prompts.map((prompt) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(prompt)]);
      return paragraph;
    });
    fragment.insert(0, [heading, ...paragraphs]);
  });
}
