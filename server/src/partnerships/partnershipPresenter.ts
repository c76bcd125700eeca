import {
  type ApiWarning,
  type Partnership,
  type PartnershipView,
  RECOMMENDED_MIN_TERM_YEARS,
  WarningId,
} from '@samverka/model';
import type { Actor, PartnershipTarget } from '../policy/policy.ts';
import { abilitiesOf } from '../policy/policy.ts';
import type { PartnershipsTable } from '../storage/schema.ts';

/** The only way a partnership row becomes JSON. */
export function presentPartnership(row: PartnershipsTable): Partnership {
  return {
    id: row.id,
    name: row.name,
    universityName: row.university_name,
    partnerName: row.partner_name,
    language: row.language,
    startDate: row.start_date,
    termYears: row.term_years,
    phase: row.phase,
    createdAt: new Date(row.created_at).toISOString(),
    archivedAt: row.archived_at === null ? null : new Date(row.archived_at).toISOString(),
  };
}

/** A partnership with the caller's role, side and abilities (the caller must be a member). */
export function presentPartnershipView(
  row: PartnershipsTable,
  actor: Actor,
  target: PartnershipTarget,
): PartnershipView {
  const membership = target.membership;
  if (!membership) throw new Error('presentPartnershipView needs a member');
  return {
    partnership: presentPartnership(row),
    role: membership.role,
    side: membership.side,
    abilities: abilitiesOf(actor, target),
  };
}

/** Advice about a partnership's fields: a term below the recommended five years. */
export function partnershipWarnings(row: PartnershipsTable): ApiWarning[] {
  if (row.term_years !== null && row.term_years < RECOMMENDED_MIN_TERM_YEARS) {
    return [
      {
        id: WarningId.TERM_BELOW_RECOMMENDED,
        message: `Strategic partnerships usually run for at least ${RECOMMENDED_MIN_TERM_YEARS} years; ${row.term_years} may be too short to show results`,
      },
    ];
  }
  return [];
}
