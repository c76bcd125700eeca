import type { Invitation, Member, Role, Side } from '@samverka/model';
import type { InvitationsTable } from '../storage/schema.ts';

export interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: Role;
  side: Side;
  created_at: number;
}

/** The only way a membership (joined with its user) becomes JSON. */
export function presentMember(row: MemberRow): Member {
  return {
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    side: row.side,
    joinedAt: new Date(row.created_at).toISOString(),
  };
}

/** The only way an invitation row becomes JSON (never the token hash). */
export function presentInvitation(row: InvitationsTable): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    side: row.side,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
  };
}
