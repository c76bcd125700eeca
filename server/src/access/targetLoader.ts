import type { Role, Side } from '@samverka/model';
import type { Kysely } from 'kysely';
import { SNAPSHOT_COLUMNS, snapshotRow } from '../snapshots/snapshotRows.ts';
import type { CommentThreadsTable, DatabaseSchema, PartnershipsTable } from '../storage/schema.ts';
import type { Membership, TargetKind, TargetOf, TargetRows } from './accessTargets.ts';

/** A target as loaded for one person: its partnership, their membership (if any) and its own row. */
export interface LoadedTarget<K extends TargetKind> {
  partnership: PartnershipsTable;
  membership: Membership | undefined;
  rows: TargetRows[K];
}

type Db = Kysely<DatabaseSchema>;

interface PartnershipColumns extends PartnershipsTable {
  member_role: string | null;
  member_side: string | null;
}

function split(row: PartnershipColumns): Omit<LoadedTarget<'partnership'>, 'rows'> {
  const { member_role, member_side, ...partnership } = row;
  return {
    partnership,
    membership: member_role !== null ? { role: member_role as Role, side: member_side as Side } : undefined,
  };
}

const THREAD_COLUMNS = [
  'comment_threads.id as thread_id',
  'comment_threads.anchor_type as thread_anchor_type',
  'comment_threads.document_id as thread_document_id',
  'comment_threads.anchor as thread_anchor',
  'comment_threads.status as thread_status',
  'comment_threads.created_by as thread_created_by',
  'comment_threads.created_at as thread_created_at',
  'comment_threads.resolved_by as thread_resolved_by',
  'comment_threads.resolved_at as thread_resolved_at',
  'comment_threads.last_message_at as thread_last_message_at',
] as const;

type ThreadColumns = {
  thread_id: string;
  thread_anchor_type: CommentThreadsTable['anchor_type'];
  thread_document_id: string | null;
  thread_anchor: string;
  thread_status: CommentThreadsTable['status'];
  thread_created_by: string | null;
  thread_created_at: number;
  thread_resolved_by: string | null;
  thread_resolved_at: number | null;
  thread_last_message_at: number;
};

/** Splits the thread's aliased columns from the partnership and membership columns. */
function takeThread<R extends ThreadColumns & PartnershipColumns>(
  row: R,
): { thread: CommentThreadsTable; rest: PartnershipColumns } {
  const {
    thread_id,
    thread_anchor_type,
    thread_document_id,
    thread_anchor,
    thread_status,
    thread_created_by,
    thread_created_at,
    thread_resolved_by,
    thread_resolved_at,
    thread_last_message_at,
    ...rest
  } = row;
  const thread: CommentThreadsTable = {
    id: thread_id,
    partnership_id: rest.id,
    anchor_type: thread_anchor_type,
    document_id: thread_document_id,
    anchor: thread_anchor,
    status: thread_status,
    created_by: thread_created_by,
    created_at: Number(thread_created_at),
    resolved_by: thread_resolved_by,
    resolved_at: thread_resolved_at === null ? null : Number(thread_resolved_at),
    last_message_at: Number(thread_last_message_at),
  };
  return { thread, rest };
}

/** Splits `<prefix><column>` aliases from the rest of a joined row. */
function takePrefixed<R extends object>(
  row: R,
  prefix: string,
  columns: readonly string[],
): { snapshot: Record<string, unknown>; rest: Record<string, unknown> } {
  const taken: Record<string, unknown> = {};
  const rest = { ...row } as Record<string, unknown>;
  for (const column of columns) {
    taken[column] = rest[prefix + column];
    delete rest[prefix + column];
  }
  return { snapshot: taken, rest };
}

/**
 * One query per target: the target's row joined to its partnership and the
 * person's membership, so a document costs one round trip after the session.
 */
export const TARGET_LOADERS: {
  [K in TargetKind]: (db: Db, userId: string, target: TargetOf<K>) => Promise<LoadedTarget<K> | undefined>;
} = {
  async partnership(db, userId, target) {
    const row = await db
      .selectFrom('partnerships')
      .leftJoin('memberships', (join) =>
        join.onRef('memberships.partnership_id', '=', 'partnerships.id').on('memberships.user_id', '=', userId),
      )
      .selectAll('partnerships')
      .select(['memberships.role as member_role', 'memberships.side as member_side'])
      .where('partnerships.id', '=', target.id)
      .executeTakeFirst();
    return row && { ...split(row), rows: {} };
  },

  async document(db, userId, target) {
    const row = await db
      .selectFrom('documents')
      .innerJoin('partnerships', 'partnerships.id', 'documents.partnership_id')
      .leftJoin('memberships', (join) =>
        join
          .onRef('memberships.partnership_id', '=', 'documents.partnership_id')
          .on('memberships.user_id', '=', userId),
      )
      .selectAll('partnerships')
      .select([
        'memberships.role as member_role',
        'memberships.side as member_side',
        'documents.id as document_id',
        'documents.kind as document_kind',
        'documents.title as document_title',
        'documents.created_by as document_created_by',
        'documents.created_at as document_created_at',
        'documents.archived_at as document_archived_at',
        'documents.edited_at as document_edited_at',
        'documents.edited_by as document_edited_by',
      ])
      .where('documents.id', '=', target.id)
      .executeTakeFirst();
    if (!row) return undefined;
    const {
      document_id,
      document_kind,
      document_title,
      document_created_by,
      document_created_at,
      document_archived_at,
      document_edited_at,
      document_edited_by,
      ...rest
    } = row;
    const document = {
      id: document_id,
      partnership_id: rest.id,
      kind: document_kind,
      title: document_title,
      created_by: document_created_by,
      created_at: document_created_at,
      archived_at: document_archived_at,
      edited_at: document_edited_at,
      edited_by: document_edited_by,
    };
    return { ...split(rest), rows: { document } };
  },

  async asset(db, userId, target) {
    const row = await db
      .selectFrom('assets')
      .innerJoin('partnerships', 'partnerships.id', 'assets.partnership_id')
      .leftJoin('memberships', (join) =>
        join.onRef('memberships.partnership_id', '=', 'assets.partnership_id').on('memberships.user_id', '=', userId),
      )
      .selectAll('partnerships')
      .select([
        'memberships.role as member_role',
        'memberships.side as member_side',
        'assets.id as asset_id',
        'assets.document_id as asset_document_id',
        'assets.content_type as asset_content_type',
        'assets.byte_size as asset_byte_size',
        'assets.data as asset_data',
        'assets.created_by as asset_created_by',
        'assets.created_at as asset_created_at',
      ])
      .where('assets.id', '=', target.id)
      .executeTakeFirst();
    if (!row) return undefined;
    const {
      asset_id,
      asset_document_id,
      asset_content_type,
      asset_byte_size,
      asset_data,
      asset_created_by,
      asset_created_at,
      ...rest
    } = row;
    const asset = {
      id: asset_id,
      partnership_id: rest.id,
      document_id: asset_document_id,
      content_type: asset_content_type,
      byte_size: asset_byte_size,
      data: asset_data,
      created_by: asset_created_by,
      created_at: asset_created_at,
    };
    return { ...split(rest), rows: { asset } };
  },

  async thread(db, userId, target) {
    const row = await db
      .selectFrom('comment_threads')
      .innerJoin('partnerships', 'partnerships.id', 'comment_threads.partnership_id')
      .leftJoin('memberships', (join) =>
        join
          .onRef('memberships.partnership_id', '=', 'comment_threads.partnership_id')
          .on('memberships.user_id', '=', userId),
      )
      .selectAll('partnerships')
      .select(['memberships.role as member_role', 'memberships.side as member_side', ...THREAD_COLUMNS])
      .where('comment_threads.id', '=', target.id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { thread, rest } = takeThread(row);
    return { ...split(rest), rows: { thread } };
  },

  async message(db, userId, target) {
    const row = await db
      .selectFrom('comment_messages')
      .innerJoin('comment_threads', 'comment_threads.id', 'comment_messages.thread_id')
      .innerJoin('partnerships', 'partnerships.id', 'comment_threads.partnership_id')
      .leftJoin('memberships', (join) =>
        join
          .onRef('memberships.partnership_id', '=', 'comment_threads.partnership_id')
          .on('memberships.user_id', '=', userId),
      )
      .selectAll('partnerships')
      .select([
        'memberships.role as member_role',
        'memberships.side as member_side',
        ...THREAD_COLUMNS,
        'comment_messages.id as message_id',
        'comment_messages.author_id as message_author_id',
        'comment_messages.body as message_body',
        'comment_messages.created_at as message_created_at',
        'comment_messages.edited_at as message_edited_at',
        'comment_messages.deleted_at as message_deleted_at',
      ])
      .where('comment_messages.id', '=', target.id)
      .executeTakeFirst();
    if (!row) return undefined;
    const {
      message_id,
      message_author_id,
      message_body,
      message_created_at,
      message_edited_at,
      message_deleted_at,
      ...threadRow
    } = row;
    const { thread, rest } = takeThread(threadRow);
    const message = {
      id: message_id,
      thread_id: thread.id,
      partnership_id: thread.partnership_id,
      author_id: message_author_id,
      body: message_body,
      created_at: message_created_at,
      edited_at: message_edited_at,
      deleted_at: message_deleted_at,
    };
    return { ...split(rest), rows: { message, thread } };
  },

  async snapshot(db, userId, target) {
    const row = await db
      .selectFrom('snapshots')
      .innerJoin('partnerships', 'partnerships.id', 'snapshots.partnership_id')
      .leftJoin('memberships', (join) =>
        join
          .onRef('memberships.partnership_id', '=', 'snapshots.partnership_id')
          .on('memberships.user_id', '=', userId),
      )
      .selectAll('partnerships')
      .select(['memberships.role as member_role', 'memberships.side as member_side'])
      .select(SNAPSHOT_COLUMNS.map((column) => `snapshots.${column} as snapshot_${column}` as const))
      .where('snapshots.id', '=', target.id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { snapshot, rest } = takePrefixed(row, 'snapshot_', SNAPSHOT_COLUMNS);
    return { ...split(rest as unknown as PartnershipColumns), rows: { snapshot: snapshotRow(snapshot) } };
  },

  async invitation(db, userId, target) {
    const row = await db
      .selectFrom('partnerships')
      .leftJoin('memberships', (join) =>
        join.onRef('memberships.partnership_id', '=', 'partnerships.id').on('memberships.user_id', '=', userId),
      )
      .leftJoin('invitations', (join) =>
        join.onRef('invitations.partnership_id', '=', 'partnerships.id').on('invitations.id', '=', target.id),
      )
      .selectAll('partnerships')
      .select(['memberships.role as member_role', 'memberships.side as member_side', 'invitations.id as invitation_id'])
      .where('partnerships.id', '=', target.partnershipId)
      .executeTakeFirst();
    if (!row?.invitation_id) return undefined;
    const { invitation_id, ...rest } = row;
    return { ...split(rest), rows: { invitation: { id: invitation_id } } };
  },
};
