import { type PresenceUser, presenceColorFor } from '@samverka/model';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

const NAME_KEY = 'samverka.displayName';
const ID_KEY = 'samverka.localUserId';

export interface Identity extends PresenceUser {
  id: string;
}

interface IdentityValue {
  identity: Identity;
  setName(name: string): void;
}

const IdentityContext = createContext<IdentityValue | null>(null);

function localUserId(): string {
  let id = localStorage.getItem(ID_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(ID_KEY, id);
  }
  return id;
}

/**
 * Who this browser is in presence (names and colours on cursors and carets).
 * Until sign-in exists it is a locally chosen display name.
 */
export function IdentityProvider({ children }: { children: ReactNode }) {
  const [id] = useState(localUserId);
  const [name, setNameState] = useState(() => localStorage.getItem(NAME_KEY) ?? `Guest ${id.slice(0, 4)}`);
  const value = useMemo<IdentityValue>(
    () => ({
      identity: { id, name, color: presenceColorFor(id) },
      setName(next) {
        const trimmed = next.slice(0, 80);
        localStorage.setItem(NAME_KEY, trimmed);
        setNameState(trimmed);
      },
    }),
    [id, name],
  );
  return <IdentityContext.Provider value={value}>{children}</IdentityContext.Provider>;
}

export function useIdentity(): IdentityValue {
  const value = useContext(IdentityContext);
  if (!value) throw new Error('useIdentity outside IdentityProvider');
  return value;
}
