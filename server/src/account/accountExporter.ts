import type { AccountExport } from '@samverka/model';
import type { Kysely } from 'kysely';
import type { DatabaseSchema, UsersTable } from '../storage/schema.ts';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

/**
 * Everything stored about one person (GDPR art. 15/20): the account, sessions, memberships,
 * what they created and what they did. Partnership content they typed lives in shared documents
 * and is exported from those. Never the password hash or session secrets.
 */
export async function exportAccount(db: Kysely<DatabaseSchema>, user: UsersTable): Promise<AccountExport> {
  const [sessions, memberships, invitations, documents, assets, activity, identities] = await Promise.all([
    db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).orderBy('created_at').execute(),
    db
      .selectFrom('memberships')
      .innerJoin('partnerships', 'partnerships.id', 'memberships.partnership_id')
      .select([
        'partnerships.id',
        'partnerships.name',
        'memberships.role',
        'memberships.side',
        'memberships.created_at',
      ])
      .where('memberships.user_id', '=', user.id)
      .orderBy('memberships.created_at')
      .execute(),
    db.selectFrom('invitations').selectAll().where('invited_by', '=', user.id).orderBy('created_at').execute(),
    db.selectFrom('documents').selectAll().where('created_by', '=', user.id).orderBy('created_at').execute(),
    db
      .selectFrom('assets')
      .select(['id', 'document_id', 'content_type', 'byte_size', 'created_at'])
      .where('created_by', '=', user.id)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('audit_events').selectAll().where('actor_user_id', '=', user.id).orderBy('id').execute(),
    db.selectFrom('oidc_identities').selectAll().where('user_id', '=', user.id).orderBy('created_at').execute(),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale ?? 'en',
      createdAt: iso(user.created_at),
      emailVerifiedAt: user.email_verified_at == null ? null : iso(user.email_verified_at),
      notifications: user.notify_mode ?? 'immediate',
    },
    sessions: sessions.map((s) => ({
      createdAt: iso(s.created_at),
      lastSeenAt: iso(s.last_seen_at),
      userAgent: s.user_agent,
    })),
    memberships: memberships.map((m) => ({
      partnershipId: m.id,
      partnershipName: m.name,
      role: m.role,
      side: m.side,
      joinedAt: iso(m.created_at),
    })),
    invitationsSent: invitations.map((i) => ({
      partnershipId: i.partnership_id,
      email: i.email,
      role: i.role,
      createdAt: iso(i.created_at),
    })),
    documentsCreated: documents.map((d) => ({
      id: d.id,
      partnershipId: d.partnership_id,
      title: d.title,
      createdAt: iso(d.created_at),
    })),
    filesUploaded: assets.map((a) => ({
      id: a.id,
      documentId: a.document_id,
      contentType: a.content_type,
      bytes: Number(a.byte_size),
      createdAt: iso(a.created_at),
    })),
    activity: activity.map((e) => ({
      partnershipId: e.partnership_id,
      type: e.type,
      details: JSON.parse(e.details) as Record<string, unknown>,
      createdAt: iso(e.created_at),
    })),
    singleSignOn: identities.map((identity) => ({
      provider: identity.provider,
      subject: identity.subject,
      linkedAt: iso(identity.created_at),
      lastSignInAt: iso(identity.last_login_at),
    })),
  };
}
