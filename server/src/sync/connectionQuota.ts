import { CloseCode } from '@samverka/model';

/** Per-account socket limits (from `SyncLimits`). */
export interface ConnectionQuotaLimits {
  maxConnectionsPerAccountPerDocument: number;
  maxConnectionsPerAccount: number;
}

/** A socket's place in the quota; `release` is safe to call more than once. */
export type QuotaSlot = { release(): void } | { refuse: number };

/** Where sockets are counted: this process (`ConnectionQuota`) or every process (`scaleout/sharedConnectionQuota.ts`). */
export interface SocketQuota {
  acquire(userId: string | undefined, documentId: string): QuotaSlot | Promise<QuotaSlot>;
}

/**
 * Counts each account's sockets per document and overall, so one person (or a
 * script with one person's cookie) cannot fill a room and lock its other
 * members out, nor hold thousands of sockets across documents. Sockets without
 * an account (test servers with open access) are not counted.
 */
export class ConnectionQuota implements SocketQuota {
  private readonly perAccount = new Map<string, number>();
  private readonly perAccountDocument = new Map<string, number>();

  constructor(private readonly limits: ConnectionQuotaLimits) {}

  /** Takes a slot for a socket, or says which close code refuses it (nothing is taken then). */
  acquire(userId: string | undefined, documentId: string): QuotaSlot {
    if (userId === undefined) return { release: () => undefined };
    const documentKey = `${userId}\n${documentId}`;
    if ((this.perAccountDocument.get(documentKey) ?? 0) >= this.limits.maxConnectionsPerAccountPerDocument) {
      return { refuse: CloseCode.ACCOUNT_DOCUMENT_CONNECTIONS };
    }
    if ((this.perAccount.get(userId) ?? 0) >= this.limits.maxConnectionsPerAccount) {
      return { refuse: CloseCode.ACCOUNT_CONNECTIONS };
    }
    adjust(this.perAccountDocument, documentKey, 1);
    adjust(this.perAccount, userId, 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        adjust(this.perAccountDocument, documentKey, -1);
        adjust(this.perAccount, userId, -1);
      },
    };
  }
}

function adjust(counts: Map<string, number>, key: string, delta: number): void {
  const next = (counts.get(key) ?? 0) + delta;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
