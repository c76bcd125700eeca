import type { CommentThread, ThreadAnchor } from '@samverka/model';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { useLocation, useNavigate, useSearchParams } from '../router/router.tsx';
import { Badge, CloseIcon, IconButton } from '../ui/index.ts';
import { anchorKey, anchorPagePath } from './commentsApi.ts';
import { focusAnchor } from './focusAnchor.ts';
import { ThreadPanel } from './ThreadPanel.tsx';
import { useThreadStore } from './ThreadsProvider.tsx';
import './comments.css';

type AnchorFocusHandler = (anchor: ThreadAnchor) => boolean;
const focusHandlers = new Set<AnchorFocusHandler>();

/**
 * Lets a page show an anchor its own way when a thread is selected (the canvas
 * selects a shape, the editor a text range). Return true when handled; otherwise the
 * element marked `data-anchor-key` is scrolled to and highlighted.
 */
export function useAnchorFocus(handler: AnchorFocusHandler): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const call: AnchorFocusHandler = (anchor) => latest.current(anchor);
    focusHandlers.add(call);
    return () => {
      focusHandlers.delete(call);
    };
  }, []);
}

/** The subnav's toggle for the side panel, with how many threads are unread. */
export function CommentsButton() {
  const { t } = useI18n();
  const store = useThreadStore();
  const unread = useMemo(() => [...store.threads.values()].filter((thread) => thread.unread).length, [store.threads]);
  return (
    <button
      type="button"
      className="link-button subnav-comments"
      aria-expanded={store.panel.open}
      aria-controls="comments-drawer"
      onClick={() => (store.panel.open ? store.closePanel() : store.openPanel({}))}
    >
      {t('comments.title')}
      {unread > 0 && (
        <>
          {' '}
          <Badge tone="brand">{t('comments.unreadCount', { count: unread })}</Badge>
        </>
      )}
    </button>
  );
}

/**
 * The thread side panel every page of a partnership shares. Opened by the subnav
 * button, by a goal's or risk's thread count, or by a link with `?thread=<id>` (the inbox).
 * Selecting a thread goes to its anchor's page when that is another page, then highlights it.
 */
export function CommentsDrawer() {
  const { t } = useI18n();
  const store = useThreadStore();
  const { panel, openPanel, closePanel, partnershipId } = store;
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const heading = useRef<HTMLHeadingElement>(null);
  const linkedThread = params.get('thread');

  const showAnchor = useCallback(
    (thread: CommentThread) => {
      for (const handler of focusHandlers) if (handler(thread.anchor)) return;
      const page = anchorPagePath(partnershipId, thread.anchor);
      if (thread.anchor.type !== 'partnership' && page !== location.pathname) navigate(page);
      if (thread.anchor.type !== 'partnership') void focusAnchor(thread.anchor);
    },
    [partnershipId, location.pathname, navigate],
  );

  // A link to a thread (from the inbox or the home page) opens it here and shows its anchor once loaded.
  useEffect(() => {
    if (!linkedThread) return;
    openPanel({ threadId: linkedThread });
    setParams(
      (current) => {
        current.delete('thread');
        return current;
      },
      { replace: true },
    );
  }, [linkedThread, openPanel, setParams]);
  const pendingFocus = panel.open && panel.threadId ? store.threads.get(panel.threadId) : undefined;
  const focused = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!pendingFocus || focused.current === pendingFocus.id) return;
    focused.current = pendingFocus.id;
    if (pendingFocus.anchor.type !== 'partnership') void focusAnchor(pendingFocus.anchor);
  }, [pendingFocus]);

  // Opening the panel moves the focus into it, unless it is there already (a message box that
  // focused itself): taking it away from someone typing would close their mention list.
  useEffect(() => {
    const drawer = heading.current?.closest('aside');
    if (panel.open && !drawer?.contains(document.activeElement)) heading.current?.focus();
  }, [panel.open]);

  const anchor = panel.anchor;
  const key = anchor ? anchorKey(anchor) : undefined;
  const anchorFilter = useMemo(() => (key ? (a: ThreadAnchor) => anchorKey(a) === key : undefined), [key]);
  if (!panel.open) return null;
  return (
    <aside
      id="comments-drawer"
      className="comments-drawer"
      aria-labelledby="comments-drawer-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) closePanel();
      }}
    >
      <div className="comments-drawer-head">
        <h2 id="comments-drawer-title" ref={heading} tabIndex={-1}>
          {t('comments.title')}
        </h2>
        {anchor && (
          <button type="button" className="link-button" onClick={() => openPanel({})}>
            {t('comments.showAll')}
          </button>
        )}
        <IconButton label={t('ui.close')} icon={<CloseIcon />} onClick={closePanel} />
      </div>
      <ThreadPanel
        key={key ?? 'all'}
        anchorFilter={anchorFilter}
        newThreadAnchor={anchor ?? { type: 'partnership' }}
        startNewThread={panel.newThread !== undefined}
        threadId={panel.threadId}
        onThreadIdChange={(threadId) => openPanel({ anchor, threadId })}
        onSelectThread={showAnchor}
        anchorLabel={(a) => store.anchorLabels.get(anchorKey(a))}
      />
    </aside>
  );
}

/**
 * A goal's or risk's comment button: its thread count (open of all), and a click
 * that opens the side panel on its threads, or straight on a new thread when there are none.
 */
export function AnchorThreadsButton({ anchor, label }: { anchor: ThreadAnchor; label: string }) {
  const { t } = useI18n();
  const store = useThreadStore();
  const key = anchorKey(anchor);
  const threads = [...store.threads.values()].filter((thread) => anchorKey(thread.anchor) === key);
  const open = threads.filter((thread) => thread.status === 'open').length;
  const unread = threads.some((thread) => thread.unread);
  if (threads.length === 0 && !store.may.comment) return null;
  const text = threads.length === 0 ? t('comments.comment') : t('comments.threadCount', { open, all: threads.length });
  return (
    <button
      type="button"
      className={unread ? 'anchor-threads anchor-threads--unread' : 'anchor-threads'}
      aria-label={`${text}: ${label}`}
      data-testid="anchor-threads"
      onClick={() => store.openPanel({ anchor, newThread: threads.length === 0 ? anchor : undefined })}
    >
      {text}
    </button>
  );
}
