import type { InboxResponse } from '@samverka/model';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { Badge } from '../ui/index.ts';
import { commentsApi } from './commentsApi.ts';
import { onPartnershipEvent } from './partnershipEvents.ts';

interface InboxValue {
  inbox: InboxResponse | undefined;
  error: unknown;
  reload(): void;
}

const InboxContext = createContext<InboxValue | null>(null);
/** While no partnership stream is open (the inbox or partnership list is showing), look again this often. */
const IDLE_REFRESH_MS = 20_000;

/**
 * The signed-in person's inbox, for the header's count and the inbox page. Live: it
 * reloads when the open partnership's event stream brings a message, thread or read
 * marker (or asks for a resync), when the tab becomes visible again, and, as a fallback
 * for pages without a stream, every 20 s while visible.
 */
export function InboxProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const signedIn = Boolean(user);
  const [inbox, setInbox] = useState<InboxResponse>();
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    commentsApi.inbox().then(
      (data) => {
        if (mine !== generation.current) return;
        setInbox(data);
        setError(undefined);
      },
      (caught: unknown) => mine === generation.current && setError(caught),
    );
  }, []);

  useEffect(() => {
    if (!signedIn) {
      setInbox(undefined);
      return;
    }
    reload();
    // Bursts of events (a busy thread) make one request, not one each.
    const soon = () => {
      if (!navigator.onLine) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => navigator.onLine && reload(), 250);
    };
    const stopEvents = onPartnershipEvent((event) => {
      if (event === 'resync' || event.type !== 'snapshot') soon();
    });
    // Offline, a request can only fail (and log an error); coming back online reloads instead.
    const wanted = () => document.visibilityState === 'visible' && navigator.onLine;
    const onVisible = () => wanted() && soon();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', onVisible);
    const interval = setInterval(() => wanted() && reload(), IDLE_REFRESH_MS);
    return () => {
      stopEvents();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', onVisible);
      clearInterval(interval);
      clearTimeout(timer.current);
    };
  }, [signedIn, reload]);

  const value = useMemo(() => ({ inbox, error, reload }), [inbox, error, reload]);
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}

export function useInbox(): InboxValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error('useInbox outside InboxProvider');
  return value;
}

/** The header's link to the inbox with the unread count. */
export function InboxLink() {
  const { t } = useI18n();
  const { inbox } = useInbox();
  const unread = inbox?.unreadCount ?? 0;
  return (
    <Link to="/inbox" className="inbox-count" data-testid="inbox-link">
      {t('inbox.title')}
      {unread > 0 && (
        <>
          {' '}
          <Badge tone="brand">
            <span data-testid="inbox-unread">{unread}</span>
            <span className="visually-hidden"> {t('inbox.unreadSuffix')}</span>
          </Badge>
        </>
      )}
    </Link>
  );
}
