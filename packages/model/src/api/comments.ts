import { z } from 'zod';
import { idSchema, isoDateTimeSchema, sideSchema } from './common.ts';

/**
 * Comment threads (../shared/docs/api.md, "threads"). Threads and messages are SQL
 * rows, not Yjs content: each message has one author who alone may edit it, and
 * unread state and mentions are per person. Anchors point into Yjs documents by id.
 */

/** The longest message body, in characters. */
export const COMMENT_BODY_MAX_LENGTH = 10_000;
/** The longest quote kept with a text anchor (what the thread was made on). */
export const COMMENT_QUOTE_MAX_LENGTH = 1_000;
/** An encoded Yjs relative position (base64 of `Y.encodeRelativePosition`), generous but bounded. */
export const RELATIVE_POSITION_MAX_LENGTH = 512;

/**
 * A mention inside a message body: `@[<userId>]`. The body stores the member's id;
 * the client shows the member's current name and side in its place.
 */
export const MENTION_PATTERN = /@\[([A-Za-z0-9_-]{1,64})\]/g;

/** The member ids a body mentions, each once, in order of first appearance. */
export function mentionedUserIds(body: string): string[] {
  const ids = new Set<string>();
  for (const match of body.matchAll(MENTION_PATTERN)) ids.add(match[1] as string);
  return [...ids];
}

/** The token a client inserts for a mention of `userId`. */
export function mentionToken(userId: string): string {
  return `@[${userId}]`;
}

export const THREAD_ANCHOR_TYPES = ['partnership', 'goal', 'risk', 'shape', 'text'] as const;
export type ThreadAnchorType = (typeof THREAD_ANCHOR_TYPES)[number];

const relativePositionSchema = z.string().min(1).max(RELATIVE_POSITION_MAX_LENGTH);

/** Where a thread hangs. Goals and risks live in the partnership's register document. */
export const threadAnchorSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('partnership') }),
  z.strictObject({ type: z.literal('goal'), goalId: idSchema }),
  z.strictObject({ type: z.literal('risk'), riskId: idSchema }),
  z.strictObject({ type: z.literal('shape'), documentId: idSchema, shapeId: z.string().min(1).max(128) }),
  z.strictObject({
    type: z.literal('text'),
    documentId: idSchema,
    /** Yjs relative positions of the range's start and end in the document's content fragment. */
    start: relativePositionSchema,
    end: relativePositionSchema,
    /** The text the thread was made on, shown when the range is gone ("detached"). */
    quote: z.string().min(1).max(COMMENT_QUOTE_MAX_LENGTH),
  }),
]);
export type ThreadAnchor = z.infer<typeof threadAnchorSchema>;

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof THREAD_STATUSES)[number];

/** A message body as sent: trimmed, 1 to 10,000 characters. */
export const commentBodySchema = z
  .string()
  .transform((value) => value.normalize('NFC').trim())
  .pipe(z.string().min(1, 'write a message').max(COMMENT_BODY_MAX_LENGTH));

/** A person as a thread shows them; null when the account is gone. */
export const commentAuthorSchema = z.object({ userId: idSchema, name: z.string(), side: sideSchema.nullable() });
export type CommentAuthor = z.infer<typeof commentAuthorSchema>;

export const commentMessageSchema = z.object({
  id: idSchema,
  threadId: idSchema,
  author: commentAuthorSchema.nullable(),
  /** Empty once deleted. */
  body: z.string(),
  /** The member ids the body mentions. */
  mentions: z.array(idSchema),
  createdAt: isoDateTimeSchema,
  editedAt: isoDateTimeSchema.nullable(),
  deletedAt: isoDateTimeSchema.nullable(),
});
export type CommentMessage = z.infer<typeof commentMessageSchema>;

export const commentThreadSchema = z.object({
  id: idSchema,
  partnershipId: idSchema,
  anchor: threadAnchorSchema,
  status: z.enum(THREAD_STATUSES),
  createdBy: commentAuthorSchema.nullable(),
  createdAt: isoDateTimeSchema,
  resolvedAt: isoDateTimeSchema.nullable(),
  resolvedBy: commentAuthorSchema.nullable(),
  /** Oldest first; the first message opened the thread. */
  messages: z.array(commentMessageSchema),
  /** For the caller: whether a message in it is newer than what they have read. */
  unread: z.boolean(),
});
export type CommentThread = z.infer<typeof commentThreadSchema>;

/** GET /api/partnerships/:partnershipId/threads query. */
export const threadsQuerySchema = z.strictObject({
  status: z.enum(THREAD_STATUSES).optional(),
  anchorType: z.enum(THREAD_ANCHOR_TYPES).optional(),
  /** Threads on one document's shapes or text. */
  documentId: idSchema.optional(),
});
export type ThreadsQuery = z.infer<typeof threadsQuerySchema>;

export const threadsResponseSchema = z.object({ threads: z.array(commentThreadSchema) });
export type ThreadsResponse = z.infer<typeof threadsResponseSchema>;

export const threadResponseSchema = z.object({ thread: commentThreadSchema });
export type ThreadResponse = z.infer<typeof threadResponseSchema>;

/** POST /api/partnerships/:partnershipId/threads. */
export const createThreadRequestSchema = z.strictObject({ anchor: threadAnchorSchema, body: commentBodySchema });
export type CreateThreadRequest = z.infer<typeof createThreadRequestSchema>;

/** POST /api/threads/:threadId/messages and PATCH /api/messages/:messageId. */
export const messageRequestSchema = z.strictObject({ body: commentBodySchema });
export type MessageRequest = z.infer<typeof messageRequestSchema>;

export const messageResponseSchema = z.object({ message: commentMessageSchema });
export type MessageResponse = z.infer<typeof messageResponseSchema>;

export const INBOX_ITEM_KINDS = ['mention', 'reply'] as const;
export type InboxItemKind = (typeof INBOX_ITEM_KINDS)[number];

/** A mention of the caller, or a reply in a thread the caller started or wrote in. */
export const inboxItemSchema = z.object({
  kind: z.enum(INBOX_ITEM_KINDS),
  partnership: z.object({ id: idSchema, name: z.string() }),
  thread: z.object({ id: idSchema, anchor: threadAnchorSchema, status: z.enum(THREAD_STATUSES) }),
  message: commentMessageSchema,
  read: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

/** GET /api/inbox: newest first, across the caller's partnerships. */
export const inboxResponseSchema = z.object({ items: z.array(inboxItemSchema), unreadCount: z.number().int() });
export type InboxResponse = z.infer<typeof inboxResponseSchema>;

/**
 * Events on GET /api/partnerships/:partnershipId/events (Server-Sent Events). Each
 * has an increasing `id:`; a client that reconnects sends `Last-Event-ID` and gets
 * what it missed. `read` events go only to the person who read.
 */
export const PARTNERSHIP_EVENT_TYPES = ['thread', 'message', 'read', 'snapshot', 'threadDeleted', 'resync'] as const;
export type PartnershipEventType = (typeof PARTNERSHIP_EVENT_TYPES)[number];

export const partnershipEventSchema = z.discriminatedUnion('type', [
  /** A thread was created, resolved or reopened (the whole thread, as the recipient sees it). */
  z.object({ type: z.literal('thread'), thread: commentThreadSchema }),
  /** A message was posted, edited or deleted. */
  z.object({ type: z.literal('message'), message: commentMessageSchema }),
  /** The recipient read a thread up to its latest message (from another tab or device too). */
  z.object({ type: z.literal('read'), threadIds: z.array(idSchema) }),
  /** A snapshot was created, renamed, deleted or acknowledged (the snapshots issue). */
  z.object({ type: z.literal('snapshot'), snapshotId: idSchema }),
  /** A thread and its messages were deleted (editors and owners may). */
  z.object({ type: z.literal('threadDeleted'), threadId: idSchema }),
  /**
   * The server no longer keeps every event after the client's `Last-Event-ID`
   * (or does not know that id): re-read threads and the inbox, then carry on
   * from this event's id.
   */
  z.object({ type: z.literal('resync') }),
]);
export type PartnershipEvent = z.infer<typeof partnershipEventSchema>;

/** The page of a partnership where an anchor lives, relative to `/p/:partnershipId`. */
export function anchorPagePath(partnershipId: string, anchor: ThreadAnchor): string {
  const base = `/p/${partnershipId}`;
  switch (anchor.type) {
    case 'partnership':
      return base;
    case 'goal':
      return `${base}/goals`;
    case 'risk':
      return `${base}/risks`;
    case 'shape':
      return `${base}/canvas/${anchor.documentId}`;
    case 'text':
      return `${base}/docs/${anchor.documentId}`;
  }
}

/** A link that opens the thread in its anchor's page (the layout reads `?thread=`). */
export function threadLink(partnershipId: string, thread: { id: string; anchor: ThreadAnchor }): string {
  return `${anchorPagePath(partnershipId, thread.anchor)}?thread=${encodeURIComponent(thread.id)}`;
}
