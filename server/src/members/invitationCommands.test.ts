import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessRightsBus } from '../access/rightsEvents.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import { migrateToLatest } from '../storage/migrations.ts';
import { acceptInvitation, findUsableInvitation, inviteMember, revokeInvitation } from './invitationCommands.ts';
import { hashInvitationToken } from './invitationTokens.ts';

describe('invitations (real SQLite)', () => {
  let dir: string;
  let database: Database;
  const owner = { userId: 'owner', side: 'university' as const };
  const invitee = { id: 'invitee', email: 'invitee@example.org', name: 'I', password_hash: 'x', created_at: 0 };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-invitations-'));
    database = openDatabase({ dataDir: dir });
    await migrateToLatest(database.db, database.dialect);
    const db = database.db;
    await db
      .insertInto('users')
      .values([{ ...invitee }, { id: 'owner', email: 'o@example.org', name: 'O', password_hash: 'x', created_at: 0 }])
      .execute();
    await db
      .insertInto('partnerships')
      .values({
        id: 'p1',
        name: 'P',
        university_name: 'U',
        partner_name: 'X',
        language: 'en',
        start_date: null,
        term_years: null,
        phase: 'exploring',
        created_by: 'owner',
        created_at: 0,
        archived_at: null,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({ partnership_id: 'p1', user_id: 'owner', role: 'owner', side: 'university', created_at: 0 })
      .execute();
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores only the token hash and expires after seven days', async () => {
    const now = 1_700_000_000_000;
    const { invitation, token } = await inviteMember(
      database.db,
      owner,
      'p1',
      { email: invitee.email, role: 'editor', side: 'partner' },
      now,
    );
    expect(invitation.token_hash).toBe(hashInvitationToken(token));
    const stored = await database.db.selectFrom('invitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(invitation.expires_at - now).toBe(7 * 24 * 60 * 60 * 1000);
    await expect(findUsableInvitation(database.db, token, now + 7 * 24 * 60 * 60 * 1000 - 1)).resolves.toBeDefined();
    await expect(findUsableInvitation(database.db, token, invitation.expires_at)).rejects.toMatchObject({
      id: 'invitation_expired',
    });
  });

  it('works once, and only for the invited email', async () => {
    const { token } = await inviteMember(database.db, owner, 'p1', {
      email: invitee.email,
      role: 'commenter',
      side: 'partner',
    });
    await expect(
      acceptInvitation(database.db, { ...invitee, id: 'owner', email: 'o@example.org' }, token),
    ).rejects.toMatchObject({
      id: 'invitation_email_mismatch',
    });
    await expect(acceptInvitation(database.db, invitee, token)).resolves.toEqual({
      partnershipId: 'p1',
      role: 'commenter',
      side: 'partner',
    });
    await expect(acceptInvitation(database.db, invitee, token)).rejects.toMatchObject({ id: 'invitation_used' });
  });

  it('stops working when revoked, and refuses inviting an existing member', async () => {
    const { invitation, token } = await inviteMember(database.db, owner, 'p1', {
      email: invitee.email,
      role: 'viewer',
      side: 'partner',
    });
    await revokeInvitation(database.db, new InProcessRightsBus(), owner, 'p1', invitation.id);
    await expect(acceptInvitation(database.db, invitee, token)).rejects.toMatchObject({ id: 'invitation_not_found' });
    await expect(
      revokeInvitation(database.db, new InProcessRightsBus(), owner, 'p1', invitation.id),
    ).rejects.toMatchObject({ id: 'not_found' });
    await expect(
      inviteMember(database.db, owner, 'p1', { email: 'o@example.org', role: 'viewer', side: 'partner' }),
    ).rejects.toMatchObject({
      id: 'already_member',
    });
  });
});
