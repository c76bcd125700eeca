import { z } from 'zod';
import { LIFECYCLE_PHASES } from '../roles.ts';
import { idSchema, isoDateTimeSchema, nameSchema, sideSchema } from './common.ts';
import { NAME_MAX_LENGTH } from './limits.ts';

/**
 * Snapshots (../shared/docs/api.md, "snapshots"): a named, immutable copy of a
 * partnership's Yjs documents at one moment, read by members or through a share
 * link, compared with another snapshot or with now, and acknowledged by members.
 *
 * Routes and who may use them:
 * - `POST   /api/partnerships/:id/snapshots` `{ name }` → 201 `SnapshotResponse` (owners, editors)
 * - `GET    /api/partnerships/:id/snapshots` → 200 `SnapshotsResponse`, latest first (members)
 * - `GET    /api/snapshots/:id` → 200 `SnapshotDetailResponse` (members)
 * - `PATCH  /api/snapshots/:id` `{ name }` → 200 `SnapshotResponse` (owners)
 * - `DELETE /api/snapshots/:id` → 204 (owners)
 * - `GET    /api/snapshots/:id/documents/:documentId` → 200 `application/octet-stream`, the stored
 *   `Y.encodeStateAsUpdate` of that document (members)
 * - `GET    /api/snapshots/:id/compare?with=now|<snapshotId>` → 200 `SnapshotComparison` (members);
 *   the snapshot named by the path is "before", `with` is "after"
 * - `POST   /api/snapshots/:id/links` `{ expiresAt? }` → 201 `SnapshotLinkCreatedResponse` (owners, editors)
 * - `GET    /api/snapshots/:id/links` → 200 `SnapshotLinksResponse` (owners, editors)
 * - `DELETE /api/snapshots/:id/links/:linkId` → 204, the link stops working at once (owners, editors)
 * - `POST   /api/snapshots/:id/acknowledgements` → 201 `AcknowledgementResponse` (any member)
 * - `GET    /api/shared/:token` → 200 `SharedSnapshotResponse`: no internal ids, no people (no account)
 * - `GET    /api/shared/:token/documents/:documentId` → as the snapshot document route
 * - `GET    /api/shared/:token/assets/:assetId` → the bytes of an image or video the snapshot's
 *   canvases show (the asset of the snapshot's partnership, named by one of its canvases' asset records)
 * Unknown, another partnership's, revoked or expired → 404 `not_found`.
 * Audit trail types (client needs `audit.type.<type>` strings): `snapshot_created`,
 * `snapshot_renamed`, `snapshot_deleted`, `snapshot_link_created`, `snapshot_link_revoked`.
 */

/** The page a share link opens: `<PUBLIC_URL>/shared/<token>` (the SPA, served with no-referrer and noindex). */
export const SHARED_SNAPSHOT_PATH_PREFIX = '/shared/';
/** Share-link tokens: 32 random bytes, base64url (43 characters). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const shareTokenSchema = z.string().regex(SHARE_TOKEN_PATTERN);
/** Where a share link's holder reads an image or video shown on the snapshot's canvases. */
export function sharedAssetPath(token: string, assetId: string): string {
  return `/api/shared/${encodeURIComponent(token)}/assets/${encodeURIComponent(assetId)}`;
}
/** The longest a share link may live, from its creation. */
export const SNAPSHOT_LINK_MAX_DAYS = 366;

export const snapshotNameSchema = nameSchema(NAME_MAX_LENGTH, 'name the snapshot');

/** POST /api/partnerships/:id/snapshots and PATCH /api/snapshots/:id. */
export const createSnapshotRequestSchema = z.strictObject({ name: snapshotNameSchema });
export type CreateSnapshotRequest = z.infer<typeof createSnapshotRequestSchema>;
export const renameSnapshotRequestSchema = createSnapshotRequestSchema;
export type RenameSnapshotRequest = CreateSnapshotRequest;

/** A person as snapshots name them; null when the account is gone. */
export const snapshotPersonSchema = z.object({ userId: idSchema, name: z.string(), side: sideSchema.nullable() });
export type SnapshotPerson = z.infer<typeof snapshotPersonSchema>;

/** "Reviewed by": one per person and snapshot, kept when acknowledged again. */
export const acknowledgementSchema = z.object({
  /** Null once the account is deleted. */
  userId: idSchema.nullable(),
  name: z.string(),
  /** The side they were on when they acknowledged. */
  side: sideSchema,
  acknowledgedAt: isoDateTimeSchema,
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

export const snapshotSchema = z.object({
  id: idSchema,
  partnershipId: idSchema,
  name: z.string(),
  createdAt: isoDateTimeSchema,
  createdBy: snapshotPersonSchema.nullable(),
  /** Comment threads of the partnership when the snapshot was taken. */
  threads: z.object({ open: z.number().int(), resolved: z.number().int() }),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/** A snapshot in the partnership's list, with who has acknowledged it (oldest first). */
export const snapshotListItemSchema = snapshotSchema.extend({
  documentCount: z.number().int(),
  acknowledgements: z.array(acknowledgementSchema),
});
export type SnapshotListItem = z.infer<typeof snapshotListItemSchema>;

/** GET /api/partnerships/:id/snapshots: latest first (by createdAt, then id). */
export const snapshotsResponseSchema = z.object({ snapshots: z.array(snapshotListItemSchema) });
export type SnapshotsResponse = z.infer<typeof snapshotsResponseSchema>;

export const snapshotResponseSchema = z.object({ snapshot: snapshotSchema });
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;

export const SNAPSHOT_DOCUMENT_KINDS = ['canvas', 'text', 'register'] as const;
export type SnapshotDocumentKind = (typeof SNAPSHOT_DOCUMENT_KINDS)[number];

/** A document as it was in the snapshot (title as it was then). */
export const snapshotDocumentSchema = z.object({
  id: idSchema,
  kind: z.enum(SNAPSHOT_DOCUMENT_KINDS),
  title: z.string(),
});
export type SnapshotDocument = z.infer<typeof snapshotDocumentSchema>;

/** The partnership as it was when the snapshot was taken (for the view's header and the printed cover). */
export const snapshotPartnershipSchema = z.object({
  id: idSchema,
  name: z.string(),
  universityName: z.string(),
  partnerName: z.string(),
  phase: z.enum(LIFECYCLE_PHASES),
});
export type SnapshotPartnership = z.infer<typeof snapshotPartnershipSchema>;

/**
 * GET /api/snapshots/:id (members). Documents: the register first,
 * then canvases and texts in the partnership's document order.
 */
export const snapshotDetailResponseSchema = z.object({
  snapshot: snapshotSchema,
  partnership: snapshotPartnershipSchema,
  documents: z.array(snapshotDocumentSchema),
  acknowledgements: z.array(acknowledgementSchema).optional(),
});
export type SnapshotDetailResponse = z.infer<typeof snapshotDetailResponseSchema>;

/**
 * GET /api/shared/:token: what a link holder (anyone the link was forwarded to) reads.
 * No partnership, snapshot or account ids and no names of people: the holder needs
 * only what the view shows, and the document ids to fetch the states under the token.
 * A member's `SnapshotDetailResponse` is assignable to it, so views take this type.
 */
export const sharedSnapshotResponseSchema = z.object({
  snapshot: snapshotSchema.pick({ name: true, createdAt: true, threads: true }),
  partnership: snapshotPartnershipSchema.omit({ id: true }),
  documents: z.array(snapshotDocumentSchema),
});
export type SharedSnapshotResponse = z.infer<typeof sharedSnapshotResponseSchema>;

/** POST /api/snapshots/:id/acknowledgements: the caller's acknowledgement and everyone's (oldest first). */
export const acknowledgementResponseSchema = z.object({
  acknowledgement: acknowledgementSchema,
  acknowledgements: z.array(acknowledgementSchema),
});
export type AcknowledgementResponse = z.infer<typeof acknowledgementResponseSchema>;

// ---- share links ----

/** POST /api/snapshots/:id/links: `expiresAt` (ISO 8601 with offset) in the future, within a year; none = until revoked. */
export const createSnapshotLinkRequestSchema = z.strictObject({
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateSnapshotLinkRequest = z.infer<typeof createSnapshotLinkRequestSchema>;

export const snapshotLinkSchema = z.object({
  id: idSchema,
  snapshotId: idSchema,
  createdAt: isoDateTimeSchema,
  createdBy: snapshotPersonSchema.nullable(),
  expiresAt: isoDateTimeSchema.nullable(),
  revokedAt: isoDateTimeSchema.nullable(),
  /** Neither revoked nor expired, as of the answer. */
  active: z.boolean(),
});
export type SnapshotLink = z.infer<typeof snapshotLinkSchema>;

/** The token is in `url` only, this once: the server keeps only its hash. */
export const snapshotLinkCreatedResponseSchema = z.object({ link: snapshotLinkSchema, url: z.string() });
export type SnapshotLinkCreatedResponse = z.infer<typeof snapshotLinkCreatedResponseSchema>;

/** GET /api/snapshots/:id/links: newest first, revoked and expired ones included. */
export const snapshotLinksResponseSchema = z.object({ links: z.array(snapshotLinkSchema) });
export type SnapshotLinksResponse = z.infer<typeof snapshotLinksResponseSchema>;

// ---- comparison ----

/** GET /api/snapshots/:id/compare query: `now` (the live documents) or another snapshot's id. */
export const compareQuerySchema = z.strictObject({ with: idSchema });
export type CompareQuery = z.infer<typeof compareQuerySchema>;
export const COMPARE_WITH_NOW = 'now';

/** A register field value as compared: texts as strings, sets as sorted arrays, absent as null. */
export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type FieldValue = z.infer<typeof fieldValueSchema>;

/** One field that differs: `field` is a register field name (`status`, `title`, `due`, …). */
export const fieldChangeSchema = z.object({ field: z.string(), before: fieldValueSchema, after: fieldValueSchema });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

const indicatorValuesSchema = z.object({
  name: z.string(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  current: z.number().nullable(),
});
/** An indicator of a goal added, removed, or with a changed name, unit, baseline, target or current value. */
export const indicatorChangeSchema = z.object({
  id: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: indicatorValuesSchema.nullable(),
  after: indicatorValuesSchema.nullable(),
});
export type IndicatorChange = z.infer<typeof indicatorChangeSchema>;

export const goalEntrySchema = z.object({ id: z.string(), title: z.string(), status: z.string() });
export type GoalEntry = z.infer<typeof goalEntrySchema>;

/** A goal in both: its title now (after), every differing field, and indicator changes. */
export const goalChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  fields: z.array(fieldChangeSchema),
  indicators: z.array(indicatorChangeSchema),
});
export type GoalChange = z.infer<typeof goalChangeSchema>;

/** A heat-map cell. */
export const riskCellSchema = z.object({ likelihood: z.number().int(), impact: z.number().int() });
export type RiskCell = z.infer<typeof riskCellSchema>;

export const riskEntrySchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  cell: riskCellSchema,
});
export type RiskEntry = z.infer<typeof riskEntrySchema>;

/** A risk whose fields other than likelihood and impact differ (residual ratings included). */
export const riskChangeSchema = z.object({ id: z.string(), title: z.string(), fields: z.array(fieldChangeSchema) });
export type RiskChange = z.infer<typeof riskChangeSchema>;

/** A risk whose likelihood × impact cell differs: the arrow on the before/after heat map. */
export const riskMoveSchema = z.object({
  id: z.string(),
  title: z.string(),
  before: riskCellSchema,
  after: riskCellSchema,
});
export type RiskMove = z.infer<typeof riskMoveSchema>;

/**
 * A text document's section: the heading's text ('' for what comes before the
 * first heading) and the plain text under it (paragraphs joined by '\n', the
 * heading line itself excluded) up to the next heading of any level. null: the
 * section is not there on that side. Sections pair up by heading text and, for
 * repeated headings, by their order.
 */
export const sectionChangeSchema = z.object({
  heading: z.string(),
  level: z.number().int().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type SectionChange = z.infer<typeof sectionChangeSchema>;

/** A text document with changed sections; added or removed documents list every non-empty section. */
export const documentChangeSchema = z.object({
  id: idSchema,
  title: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  changedSections: z.array(sectionChangeSchema),
});
export type DocumentChange = z.infer<typeof documentChangeSchema>;

/**
 * A canvas item (a tldraw shape): `type` the shape type (`geo`, `note`, `text`,
 * `arrow`, `image`, `frame`, …), `title` its plain text or name ('' if none), on
 * which canvas.
 */
export const canvasItemSchema = z.object({
  id: z.string(),
  documentId: idSchema,
  documentTitle: z.string(),
  type: z.string(),
  title: z.string(),
});
export type CanvasItem = z.infer<typeof canvasItemSchema>;

/** A shape in both whose properties differ: `fields` names them (`x`, `props.richText`, `meta.x`). */
export const canvasItemChangeSchema = canvasItemSchema.extend({ fields: z.array(z.string()) });
export type CanvasItemChange = z.infer<typeof canvasItemChangeSchema>;

/** Which side of a comparison: a snapshot, or the live state (`snapshotId` null) at `at`. */
export const compareSideSchema = z.object({
  snapshotId: idSchema.nullable(),
  name: z.string().nullable(),
  at: isoDateTimeSchema,
});

/**
 * GET /api/snapshots/:id/compare. Each list in a stable order (by title, then id);
 * an entry appears only if something in it differs. Goals and risks come from the
 * register; documents are text documents; canvas items are shapes of every canvas.
 */
export const snapshotComparisonSchema = z.object({
  before: compareSideSchema,
  after: compareSideSchema,
  goals: z.object({
    added: z.array(goalEntrySchema),
    removed: z.array(goalEntrySchema),
    changed: z.array(goalChangeSchema),
  }),
  risks: z.object({
    added: z.array(riskEntrySchema),
    removed: z.array(riskEntrySchema),
    changed: z.array(riskChangeSchema),
    moved: z.array(riskMoveSchema),
  }),
  documents: z.array(documentChangeSchema),
  canvas: z.object({
    added: z.array(canvasItemSchema),
    removed: z.array(canvasItemSchema),
    changed: z.array(canvasItemChangeSchema),
  }),
});
export type SnapshotComparison = z.infer<typeof snapshotComparisonSchema>;
