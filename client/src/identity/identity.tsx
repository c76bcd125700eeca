import { type PresenceUser, presenceColorFor } from '@samverka/model';
import { useMemo } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';

export interface Identity extends PresenceUser {
  id: string;
}

/**
 * Who this person is in presence (names and colours on cursors and carets): the
 * signed-in account, with a colour derived from its id so it is the same everywhere.
 */
export function useIdentity(): { identity: Identity } {
  const { user } = useAuth();
  return useMemo(() => {
    const id = user?.id ?? 'anonymous';
    return { identity: { id, name: user?.name ?? '', color: presenceColorFor(id) } };
  }, [user]);
}
