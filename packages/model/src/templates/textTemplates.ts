import * as Y from 'yjs';
import type { TextTemplate } from '../api/documents.ts';
import { textContent } from '../documentShapes.ts';
import type { PartnershipLanguage } from '../roles.ts';

/** One section of a template: a level-2 heading, a prompt paragraph, optionally a table to fill in. */
export interface TemplateSection {
  heading: string;
  prompt: string;
  /** Column headings of a table to fill in (one empty row follows). */
  table?: string[];
}

/** A text template in one language: the title (level-1 heading) and its sections. */
export interface TemplateText {
  heading: string;
  sections: TemplateSection[];
}

type Localised = Record<PartnershipLanguage, TemplateText>;

/** The agreement's sections mirror the partnership canvas and the domain's agreement checklist. */
const partnershipAgreement: Localised = {
  en: {
    heading: 'Partnership agreement',
    sections: [
      { heading: 'Parties', prompt: 'The university and the partner, their signatories and contact persons.' },
      {
        heading: 'Purpose and joint objectives',
        prompt: 'Why the university and the partner work together, and the goals for the agreement period.',
      },
      {
        heading: 'Forms of collaboration',
        prompt: 'Research projects, education, student projects and theses, placements, shared facilities.',
      },
      {
        heading: 'Governance',
        prompt: 'Steering group, contact persons on each side, how decisions are made and how often the parties meet.',
      },
      { heading: 'Resources', prompt: 'What each side commits: people, money, facilities and equipment.' },
      {
        heading: 'Intellectual property and publication',
        prompt: 'Who owns results, rights of use, and the freedom to publish (with a short review period).',
      },
      {
        heading: 'Confidentiality and data protection',
        prompt: 'What is confidential, for how long, and how personal data is handled (GDPR roles).',
      },
      { heading: 'Term', prompt: 'Start date and length of the agreement.' },
      { heading: 'Review', prompt: 'When and how the partnership is evaluated against its objectives.' },
      {
        heading: 'Renewal and exit',
        prompt: 'How the agreement is renewed, and how either side may end it in an orderly way.',
      },
    ],
  },
  sv: {
    heading: 'Partnerskapsavtal',
    sections: [
      { heading: 'Parter', prompt: 'Lärosätet och partnern, deras firmatecknare och kontaktpersoner.' },
      {
        heading: 'Syfte och gemensamma mål',
        prompt: 'Varför lärosätet och partnern samverkar, och målen för avtalsperioden.',
      },
      {
        heading: 'Former för samverkan',
        prompt: 'Forskningsprojekt, utbildning, studentprojekt och examensarbeten, praktik, gemensamma resurser.',
      },
      {
        heading: 'Styrning',
        prompt: 'Styrgrupp, kontaktpersoner på vardera sidan, hur beslut fattas och hur ofta parterna möts.',
      },
      { heading: 'Resurser', prompt: 'Vad vardera parten bidrar med: personer, medel, lokaler och utrustning.' },
      {
        heading: 'Immateriella rättigheter och publicering',
        prompt: 'Vem som äger resultat, nyttjanderätt och friheten att publicera (med en kort granskningstid).',
      },
      {
        heading: 'Sekretess och dataskydd',
        prompt: 'Vad som är konfidentiellt, hur länge, och hur personuppgifter hanteras (roller enligt GDPR).',
      },
      { heading: 'Avtalstid', prompt: 'Startdatum och avtalets längd.' },
      { heading: 'Utvärdering', prompt: 'När och hur partnerskapet utvärderas mot sina mål.' },
      {
        heading: 'Förnyelse och avslut',
        prompt: 'Hur avtalet förnyas, och hur en part kan avsluta det på ett ordnat sätt.',
      },
    ],
  },
};

const annualPlan: Localised = {
  en: {
    heading: 'Annual activity plan',
    sections: [
      { heading: 'Priorities for the year', prompt: 'Priorities linked to the partnership goals.' },
      {
        heading: 'Activities',
        prompt: 'Activities with owners on each side, milestones and dates.',
        table: ['Activity', 'Owner', 'Milestone', 'Date'],
      },
      { heading: 'Budget and resources', prompt: 'Budget and resources for the year, per side.' },
      { heading: 'Risks to watch', prompt: 'Risks to watch this year and how they are handled.' },
    ],
  },
  sv: {
    heading: 'Årlig aktivitetsplan',
    sections: [
      { heading: 'Årets prioriteringar', prompt: 'Prioriteringar kopplade till partnerskapets mål.' },
      {
        heading: 'Aktiviteter',
        prompt: 'Aktiviteter med ansvariga på vardera sidan, milstolpar och datum.',
        table: ['Aktivitet', 'Ansvarig', 'Milstolpe', 'Datum'],
      },
      { heading: 'Budget och resurser', prompt: 'Budget och resurser för året, per part.' },
      { heading: 'Risker att bevaka', prompt: 'Risker att bevaka under året och hur de hanteras.' },
    ],
  },
};

const steeringNotes: Localised = {
  en: {
    heading: 'Steering group meeting notes',
    sections: [
      { heading: 'Date and participants', prompt: 'Date, and participants from the university and the partner.' },
      { heading: 'Agenda', prompt: 'Follow-up of goals and of actions from the last meeting; new items.' },
      { heading: 'Decisions', prompt: 'Decisions taken, each with its reason.' },
      {
        heading: 'Actions',
        prompt: 'What is to be done, by whom and by when.',
        table: ['Action', 'Owner', 'Due date'],
      },
    ],
  },
  sv: {
    heading: 'Anteckningar från styrgruppsmöte',
    sections: [
      { heading: 'Datum och deltagare', prompt: 'Datum, och deltagare från lärosätet och partnern.' },
      { heading: 'Dagordning', prompt: 'Uppföljning av mål och av åtgärder från förra mötet; nya punkter.' },
      { heading: 'Beslut', prompt: 'Fattade beslut, vart och ett med sitt skäl.' },
      {
        heading: 'Åtgärder',
        prompt: 'Vad som ska göras, av vem och när.',
        table: ['Åtgärd', 'Ansvarig', 'Klart senast'],
      },
    ],
  },
};

const evaluationReport: Localised = {
  en: {
    heading: 'Evaluation report',
    sections: [
      { heading: 'Objectives and results', prompt: 'What the partnership set out to achieve, and what it achieved.' },
      {
        heading: 'Value for each side',
        prompt: 'Education, research, innovation and recruitment, for the university and for the partner.',
      },
      { heading: 'The collaboration itself', prompt: 'What worked well in the collaboration, and what did not.' },
      { heading: 'Recommendation', prompt: 'Renew, change or phase out, and why.' },
    ],
  },
  sv: {
    heading: 'Utvärderingsrapport',
    sections: [
      { heading: 'Mål och resultat', prompt: 'Vad partnerskapet skulle uppnå, och vad det uppnådde.' },
      {
        heading: 'Värde för vardera parten',
        prompt: 'Utbildning, forskning, innovation och kompetensförsörjning, för lärosätet och för partnern.',
      },
      { heading: 'Samarbetet i sig', prompt: 'Vad som fungerade väl i samarbetet, och vad som inte gjorde det.' },
      { heading: 'Rekommendation', prompt: 'Förnya, förändra eller avveckla, och varför.' },
    ],
  },
};

/** Title and sections of each text template, in both languages. */
export const TEXT_TEMPLATE_CONTENT: Record<TextTemplate, Localised> = {
  'partnership-agreement': partnershipAgreement,
  'annual-plan': annualPlan,
  'steering-notes': steeringNotes,
  'evaluation-report': evaluationReport,
};

/** Every heading a template seeds (title first), e.g. to check an export holds each once. */
export function templateHeadings(template: TextTemplate, language: PartnershipLanguage): string[] {
  const content = TEXT_TEMPLATE_CONTENT[template][language];
  return [content.heading, ...content.sections.map((section) => section.heading)];
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[], attrs: Record<string, unknown> = {}) {
  const node = new Y.XmlElement(name);
  // y-prosemirror stores attribute values as they are (numbers stay numbers).
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
  node.insert(0, children);
  return node;
}

function textBlock(name: string, text: string, attrs: Record<string, unknown> = {}): Y.XmlElement {
  return element(name, text ? [new Y.XmlText(text)] : [], attrs);
}

/** A header row and one empty row, in the node names of Tiptap's table extension. */
function tableNode(columns: string[]): Y.XmlElement {
  const cell = (name: string, text: string) =>
    element(name, [textBlock('paragraph', text)], { colspan: 1, rowspan: 1 });
  return element('table', [
    element(
      'tableRow',
      columns.map((column) => cell('tableHeader', column)),
    ),
    element(
      'tableRow',
      columns.map(() => cell('tableCell', '')),
    ),
  ]);
}

/**
 * Seeds an empty text document's Tiptap fragment with a template: its title as
 * a level-1 heading, then per section a level-2 heading, a prompt and maybe a
 * table. Does nothing if the fragment already has content.
 */
export function seedTextTemplate(doc: Y.Doc, template: TextTemplate, language: PartnershipLanguage): void {
  const fragment = textContent(doc);
  if (fragment.length > 0) return;
  const content = TEXT_TEMPLATE_CONTENT[template][language];
  doc.transact(() => {
    const nodes: Y.XmlElement[] = [textBlock('heading', content.heading, { level: 1 })];
    for (const section of content.sections) {
      nodes.push(textBlock('heading', section.heading, { level: 2 }), textBlock('paragraph', section.prompt));
      if (section.table) nodes.push(tableNode(section.table));
    }
    fragment.insert(0, nodes);
  });
}
