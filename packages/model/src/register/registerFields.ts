import { z } from 'zod';
import { LIFECYCLE_PHASES } from '../roles.ts';

/** Risk categories of the default register (domain notes). */
export const RISK_CATEGORIES = [
  'strategic',
  'governance',
  'dependency',
  'financial',
  'reputational',
  'academic-freedom',
  'legal-ip',
  'data-protection',
  'export-control',
  'conflict-of-interest',
  'capacity',
  'communication',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export const RISK_STATUSES = ['open', 'monitoring', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const GOAL_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'done'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const RISK_TREATMENTS = ['treat', 'tolerate', 'transfer', 'terminate'] as const;
export const COLLABORATION_FORMS = [
  'research',
  'education',
  'talent',
  'infrastructure',
  'innovation',
  'lifelong-learning',
] as const;
export const SERIOUSNESS_LEVELS = ['high', 'medium', 'low'] as const;

/** The register's three entry kinds, each a top-level Y.Map of entry Y.Maps keyed by id. */
export const REGISTER_ENTRY_KINDS = ['goals', 'risks', 'checklist'] as const;
export type RegisterEntryKind = (typeof REGISTER_ENTRY_KINDS)[number];

/** Longest text the server accepts in one Y.Text field; the editor stops at half of it, leaving room for merges. */
export const MAX_REGISTER_TEXT_CHARS = 20_000;
/** What one person's editor lets them type into one text field. */
export const EDITOR_REGISTER_TEXT_CHARS = 10_000;
export const MAX_TITLE_CHARS = 200;
/** Most members of a set field (linked goals, forms) and most indicators of a goal. */
export const MAX_SET_MEMBERS = 500;
export const MAX_INDICATORS = 50;

/** Entry ids, also the keys of the top-level maps. */
export const entryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, - or _');
export const titleSchema = z.string().trim().min(1, 'must not be empty').max(MAX_TITLE_CHARS);
export const ratingSchema = z.number().int('must be a whole number').min(1).max(5);
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'must be a real date');
export const userIdSchema = z.string().min(1).max(64);
const registerTextSchema = z.string().max(MAX_REGISTER_TEXT_CHARS);
const finiteNumber = z.number().finite();

export const indicatorSchema = z.strictObject({
  id: entryIdSchema,
  name: z.string().trim().min(1).max(MAX_TITLE_CHARS),
  unit: z.string().max(50).default(''),
  baseline: finiteNumber,
  target: finiteNumber,
  current: finiteNumber.optional(),
  updated: isoDateSchema.optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * How a field is stored in an entry's Y.Map: a plain value (last writer wins),
 * a Y.Text (merged typing), a set (Y.Map of member → true, so concurrent
 * additions merge), or indicators (Y.Map of indicator id → plain object).
 */
export type FieldStorage = 'plain' | 'text' | 'set' | 'indicators';

export interface FieldSpec {
  storage: FieldStorage;
  /** Schema of one plain value, or of one set member. */
  schema?: z.ZodType;
  required?: boolean;
  /** A plain number: CSV cells are read as numbers. */
  numeric?: boolean;
}

const plain = (schema: z.ZodType, required = false): FieldSpec => ({ storage: 'plain', schema, required });
const plainNumber = (schema: z.ZodType, required = false): FieldSpec => ({
  storage: 'plain',
  schema,
  required,
  numeric: true,
});
const text: FieldSpec = { storage: 'text' };
const set = (schema: z.ZodType): FieldSpec => ({ storage: 'set', schema });

/** Every field of every entry kind and how it is stored: the one list client, server and CSV read. */
export const REGISTER_FIELDS = {
  goals: {
    title: plain(titleSchema, true),
    description: text,
    strategyUniversity: text,
    strategyPartner: text,
    ownerUniversity: plain(userIdSchema),
    ownerPartner: plain(userIdSchema),
    indicators: { storage: 'indicators' },
    due: plain(isoDateSchema),
    status: plain(z.enum(GOAL_STATUSES), true),
    forms: set(z.enum(COLLABORATION_FORMS)),
  },
  risks: {
    title: plain(titleSchema, true),
    description: text,
    category: plain(z.enum(RISK_CATEGORIES), true),
    phase: plain(z.enum(LIFECYCLE_PHASES)),
    likelihood: plainNumber(ratingSchema, true),
    impact: plainNumber(ratingSchema, true),
    residualLikelihood: plainNumber(ratingSchema),
    residualImpact: plainNumber(ratingSchema),
    controls: text,
    treatment: plain(z.enum(RISK_TREATMENTS)),
    mitigation: text,
    owner: plain(userIdSchema),
    status: plain(z.enum(RISK_STATUSES), true),
    raised: plain(isoDateSchema),
    reviewDue: plain(isoDateSchema),
    goals: set(entryIdSchema),
  },
  checklist: {
    section: plain(z.string().max(MAX_TITLE_CHARS)),
    question: plain(z.string().trim().min(1).max(1000), true),
    order: plainNumber(z.number().int().min(0).max(100_000), true),
    answer: text,
    description: text,
    seriousness: plain(z.enum(SERIOUSNESS_LEVELS)),
    action: text,
  },
} as const satisfies Record<RegisterEntryKind, Record<string, FieldSpec>>;

/** A goal as plain JSON (texts as strings, sets as arrays): what pages, CSV and checks read. */
export const goalSchema = z.strictObject({
  id: entryIdSchema,
  title: titleSchema,
  description: registerTextSchema.default(''),
  strategyUniversity: registerTextSchema.default(''),
  strategyPartner: registerTextSchema.default(''),
  ownerUniversity: userIdSchema.optional(),
  ownerPartner: userIdSchema.optional(),
  indicators: z.array(indicatorSchema).max(MAX_INDICATORS).default([]),
  due: isoDateSchema.optional(),
  status: z.enum(GOAL_STATUSES),
  forms: z.array(z.enum(COLLABORATION_FORMS)).max(MAX_SET_MEMBERS).default([]),
});
export type Goal = z.infer<typeof goalSchema>;

export const riskSchema = z.strictObject({
  id: entryIdSchema,
  title: titleSchema,
  description: registerTextSchema.default(''),
  category: z.enum(RISK_CATEGORIES),
  phase: z.enum(LIFECYCLE_PHASES).optional(),
  likelihood: ratingSchema,
  impact: ratingSchema,
  residualLikelihood: ratingSchema.optional(),
  residualImpact: ratingSchema.optional(),
  controls: registerTextSchema.default(''),
  treatment: z.enum(RISK_TREATMENTS).optional(),
  mitigation: registerTextSchema.default(''),
  owner: userIdSchema.optional(),
  status: z.enum(RISK_STATUSES),
  raised: isoDateSchema.optional(),
  reviewDue: isoDateSchema.optional(),
  goals: z.array(entryIdSchema).max(MAX_SET_MEMBERS).default([]),
});
export type Risk = z.infer<typeof riskSchema>;

export const checklistItemSchema = z.strictObject({
  id: entryIdSchema,
  section: z.string().max(MAX_TITLE_CHARS).default(''),
  question: z.string().trim().min(1).max(1000),
  order: z.number().int().min(0).max(100_000),
  answer: registerTextSchema.default(''),
  description: registerTextSchema.default(''),
  seriousness: z.enum(SERIOUSNESS_LEVELS).optional(),
  action: registerTextSchema.default(''),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** The JSON schema of each entry kind. */
export const REGISTER_ENTRY_SCHEMAS = {
  goals: goalSchema,
  risks: riskSchema,
  checklist: checklistItemSchema,
} as const;

export interface RegisterEntryOf {
  goals: Goal;
  risks: Risk;
  checklist: ChecklistItem;
}

/** One thing wrong with an entry: which field and what, in words a person can act on. */
export interface FieldIssue {
  field: string;
  message: string;
}
