import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.ts';

/** Whose rights changed, and why. Archive is one change for everyone in the partnership. */
export type RightsChange =
  | { reason: 'roleChanged' | 'removed' | 'left'; partnershipId: string; userId: string }
  | { reason: 'signedOut' | 'signedOutElsewhere' | 'passwordChanged'; userId: string }
  | { reason: 'archived'; partnershipId: string }
  | { reason: 'invitationRevoked'; partnershipId: string; invitationId: string };

/** A change as published: when it was committed. */
export type RightsChanged = RightsChange & { at: number };

/** Who holds a connection (a sync socket, later an event stream). */
export interface ConnectionHolder {
  userId: string;
  partnershipId: string;
}

/** Where rights changes are published: this process (`InProcessRightsBus`) or every process (`scaleout/redisRightsBus.ts`). */
export interface RightsBus {
  publish(change: RightsChange): void;
  /** Calls `listener` for every change from now on; returns the unsubscribe function. */
  subscribe(listener: (event: RightsChanged) => void): () => void;
  /**
   * Calls `listener` whenever changes may have been published that this process
   * did not hear (its Redis link was down and is back, subscribed again).
   * Listeners re-read every live connection's rights from the database, which
   * committed each change before it was published.
   */
  onMissed(listener: () => void): void;
}

/** The bus of a single server process: listeners run synchronously in publish order. */
export class InProcessRightsBus implements RightsBus {
  private readonly listeners = new Set<(event: RightsChanged) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  publish(change: RightsChange): void {
    const event = { ...change, at: this.now() };
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: (event: RightsChanged) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** In one process every change is heard: nothing is ever missed. */
  onMissed(): void {}
}

/** Whether a change reaches a connection: its person, its partnership, or both. */
export function affects(event: RightsChange, holder: ConnectionHolder): boolean {
  switch (event.reason) {
    case 'roleChanged':
    case 'removed':
    case 'left':
      return event.userId === holder.userId && event.partnershipId === holder.partnershipId;
    case 'signedOut':
    case 'signedOutElsewhere':
    case 'passwordChanged':
      return event.userId === holder.userId;
    case 'archived':
      return event.partnershipId === holder.partnershipId;
    case 'invitationRevoked':
      // Nobody holds a connection through an invitation (yet).
      return false;
  }
}

/**
 * Runs `work` in one transaction and, once it has committed, publishes the
 * change it reports (none when it reports none). A rollback publishes nothing.
 */
export async function commitThenPublish<T>(
  db: Kysely<DatabaseSchema>,
  bus: RightsBus,
  work: (tx: Transaction<DatabaseSchema>) => Promise<{ result: T; change: RightsChange | undefined }>,
): Promise<T> {
  const { result, change } = await db.transaction().execute(work);
  if (change) bus.publish(change);
  return result;
}
