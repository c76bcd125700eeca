import { CloseCode } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import { ConnectionQuota } from './connectionQuota.ts';

describe('ConnectionQuota', () => {
  const limits = { maxConnectionsPerAccountPerDocument: 2, maxConnectionsPerAccount: 3 };

  it('refuses an account past its sockets per document, not other accounts', () => {
    const quota = new ConnectionQuota(limits);
    expect('release' in quota.acquire('u1', 'd1')).toBe(true);
    expect('release' in quota.acquire('u1', 'd1')).toBe(true);
    expect(quota.acquire('u1', 'd1')).toEqual({ refuse: CloseCode.ACCOUNT_DOCUMENT_CONNECTIONS });
    expect('release' in quota.acquire('u2', 'd1')).toBe(true);
  });

  it('refuses an account past its sockets overall, and frees a slot once released (once)', () => {
    const quota = new ConnectionQuota(limits);
    const slots = ['d1', 'd2', 'd3'].map((d) => quota.acquire('u1', d));
    expect(quota.acquire('u1', 'd4')).toEqual({ refuse: CloseCode.ACCOUNT_CONNECTIONS });
    const first = slots[0] as { release(): void };
    first.release();
    first.release();
    expect('release' in quota.acquire('u1', 'd4')).toBe(true);
    expect(quota.acquire('u1', 'd5')).toEqual({ refuse: CloseCode.ACCOUNT_CONNECTIONS });
  });

  it('does not count sockets without an account', () => {
    const quota = new ConnectionQuota({ maxConnectionsPerAccountPerDocument: 1, maxConnectionsPerAccount: 1 });
    for (let i = 0; i < 5; i++) expect('release' in quota.acquire(undefined, 'd1')).toBe(true);
  });
});
