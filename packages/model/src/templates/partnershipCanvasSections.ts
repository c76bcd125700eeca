/** The language a partnership works in; the template is written in it. */
export type TemplateLanguage = 'en' | 'sv';

/** One section of the Strategic Partnership Canvas (see docs/domain: twelve sections). */
export interface CanvasSection {
  /** Stable slug: the frame's id is `shape:section-<slug>`. */
  slug: string;
  /** Whether the section has a university half and a partner half. */
  perSide: boolean;
  title: Record<TemplateLanguage, string>;
  prompt: Record<TemplateLanguage, string>;
}

/** Labels of the two halves of a per-side section. */
export const SIDE_LABELS: Record<TemplateLanguage, { university: string; partner: string }> = {
  en: { university: 'University', partner: 'Partner' },
  sv: { university: 'Lärosätet', partner: 'Partnern' },
};

/** The twelve sections, in reading order (left to right, top to bottom). */
export const CANVAS_SECTIONS: readonly CanvasSection[] = [
  {
    slug: 'partners-sponsors',
    perSide: true,
    title: { en: '1. Partners & sponsors', sv: '1. Parter och sponsorer' },
    prompt: {
      en: 'The two organisations, and the executive sponsor on each side.',
      sv: 'De två organisationerna och sponsorn i ledningen hos respektive part.',
    },
  },
  {
    slug: 'drivers',
    perSide: true,
    title: { en: '2. Why partner (drivers)', sv: '2. Varför samverka (drivkrafter)' },
    prompt: {
      en: 'What motivates each side? State both sides’ drivers explicitly.',
      sv: 'Vad driver respektive part? Skriv ut båda parternas drivkrafter tydligt.',
    },
  },
  {
    slug: 'strategic-alignment',
    perSide: false,
    title: { en: '3. Strategic alignment', sv: '3. Strategisk förankring' },
    prompt: {
      en: 'Which strategy documents on each side does this partnership serve?',
      sv: 'Vilka strategidokument hos respektive part bidrar partnerskapet till?',
    },
  },
  {
    slug: 'joint-objectives',
    perSide: false,
    title: { en: '4. Joint objectives', sv: '4. Gemensamma mål' },
    prompt: {
      en: 'What do we achieve together that neither of us can achieve alone?',
      sv: 'Vad uppnår vi tillsammans som ingen av oss kan uppnå på egen hand?',
    },
  },
  {
    slug: 'value',
    perSide: true,
    title: { en: '5. Value for each party', sv: '5. Värde för varje part' },
    prompt: {
      en: 'What does each side offer, and what does it want? What value do we create together?',
      sv: 'Vad bidrar respektive part med och vad vill den få ut? Vilket värde skapar vi tillsammans?',
    },
  },
  {
    slug: 'forms-of-collaboration',
    perSide: false,
    title: { en: '6. Forms of collaboration', sv: '6. Former för samverkan' },
    prompt: {
      en: 'Research, education, talent and recruitment, infrastructure, innovation, lifelong learning …',
      sv: 'Forskning, utbildning, kompetensförsörjning och rekrytering, infrastruktur, innovation, livslångt lärande …',
    },
  },
  {
    slug: 'resources',
    perSide: true,
    title: { en: '7. Resources & commitments', sv: '7. Resurser och åtaganden' },
    prompt: {
      en: 'Money, people, facilities and in-kind contributions from each side.',
      sv: 'Pengar, personal, lokaler och bidrag in natura från respektive part.',
    },
  },
  {
    slug: 'governance',
    perSide: false,
    title: { en: '8. Governance & people', sv: '8. Styrning och personer' },
    prompt: {
      en: 'Leadership forum, steering group, coordinators: who decides what at management, coordination and operational level?',
      sv: 'Ledningsforum, styrgrupp, koordinatorer: vem beslutar om vad på lednings-, samordnings- och verksamhetsnivå?',
    },
  },
  {
    slug: 'ways-of-working',
    perSide: false,
    title: { en: '9. Ways of working & communication', sv: '9. Arbetssätt och kommunikation' },
    prompt: {
      en: 'Meeting rhythm, communication inside each organisation, understanding each other’s processes.',
      sv: 'Mötesrytm, kommunikation inom respektive organisation och förståelse för varandras processer.',
    },
  },
  {
    slug: 'success-measures',
    perSide: false,
    title: { en: '10. Success measures', sv: '10. Mått på framgång' },
    prompt: {
      en: 'Indicators, baselines and a joint annual review.',
      sv: 'Indikatorer, utgångsvärden och en gemensam årlig uppföljning.',
    },
  },
  {
    slug: 'risks-principles',
    perSide: false,
    title: { en: '11. Key risks & principles', sv: '11. Viktiga risker och principer' },
    prompt: {
      en: 'Top risks; IP and publication rules; academic freedom; conflicts of interest.',
      sv: 'De största riskerna, regler för immateriella rättigheter och publicering, akademisk frihet, intressekonflikter.',
    },
  },
  {
    slug: 'lifecycle-exit',
    perSide: false,
    title: { en: '12. Lifecycle & exit', sv: '12. Livscykel och avslut' },
    prompt: {
      en: 'Current phase, term (at least five years), renewal and exit criteria.',
      sv: 'Nuvarande fas, avtalstid (minst fem år), kriterier för förnyelse och avslut.',
    },
  },
];
