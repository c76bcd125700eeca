/**
 * When each person's rights last changed (role change, removal, sign-out). A
 * socket authorised before that moment must not join a room afterwards with
 * its old mode, however long its document took to load.
 */
export class Revocations {
  private readonly revokedAt = new Map<string, number>();

  /** Entries older than this can no longer matter: no load waits that long. */
  constructor(private readonly keepMs = 10 * 60_000) {}

  record(userId: string, now = Date.now()): void {
    this.revokedAt.set(userId, now);
    for (const [id, at] of this.revokedAt) if (now - at > this.keepMs) this.revokedAt.delete(id);
  }

  /** Whether `userId`'s rights changed at or after `authorizedAt`. */
  revokedSince(userId: string | undefined, authorizedAt: number): boolean {
    if (userId === undefined) return false;
    const at = this.revokedAt.get(userId);
    return at !== undefined && at >= authorizedAt;
  }
}
