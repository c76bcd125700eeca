import { localPathOrNull } from '@samverka/model';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from '../router/router.tsx';
import { Skeleton } from '../ui/index.ts';
import { useAuth } from './AuthProvider.tsx';

/** Shows its children to signed-in people; sends others to log in and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <Skeleton />;
  if (user === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}

/** Where to go after signing in: a local path from `?next=`, else the partnership list. */
export function nextPath(search: string): string {
  return localPathOrNull(new URLSearchParams(search).get('next'), window.location.origin) ?? '/p';
}
