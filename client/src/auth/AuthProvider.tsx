import type { LoginRequest, SessionUserResponse, SignupRequest, User, UserResponse } from '@samverka/model';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api } from '../api/apiClient.ts';
import { SESSION_PATH } from '../api/apiPaths.ts';
import { forgetPrefetched, getPrefetched } from '../api/prefetch.ts';

interface AuthValue {
  /** undefined while the first /api/me is in flight; null when signed out. */
  user: User | null | undefined;
  signUp(input: SignupRequest): Promise<void>;
  logIn(input: LoginRequest): Promise<void>;
  logOut(): Promise<void>;
  /** The server ended this browser's session (password reset, account deleted): show it signed out. */
  forgetUser(): void;
  /** The server answered with the person's changed account (preferences saved). */
  replaceUser(user: User): void;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * Answers a deep link fetched at boot (api/prefetch.ts) hold what the person signed in then may
 * see: when nobody was (a 401 for the partnership), or the person changes, they go.
 */
function changeUser(setUser: (user: User | null) => void, next: User | null): void {
  forgetPrefetched();
  setUser(next);
}

/** Who is signed in, from the session cookie (read by the server, never by us). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    // /api/session answers 200 with null when signed out, so a signed-out page logs no failed request.
    getPrefetched<SessionUserResponse>(SESSION_PATH).then(
      (res) => (res.user ? setUser(res.user) : changeUser(setUser, null)),
      () => changeUser(setUser, null),
    );
  }, []);

  const signUp = useCallback(async (input: SignupRequest) => {
    changeUser(setUser, (await api.post<UserResponse>('/api/auth/signup', input)).user);
  }, []);
  const logIn = useCallback(async (input: LoginRequest) => {
    changeUser(setUser, (await api.post<UserResponse>('/api/auth/login', input)).user);
  }, []);
  const logOut = useCallback(async () => {
    await api.post('/api/auth/logout');
    changeUser(setUser, null);
  }, []);

  const forgetUser = useCallback(() => changeUser(setUser, null), []);
  const replaceUser = useCallback((next: User) => setUser(next), []);

  const value = useMemo(
    () => ({ user, signUp, logIn, logOut, forgetUser, replaceUser }),
    [user, signUp, logIn, logOut, forgetUser, replaceUser],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
