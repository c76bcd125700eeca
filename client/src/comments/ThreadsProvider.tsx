import type { CommentThread, Member, MembersResponse, ThreadAnchor } from '@samverka/model';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useApiResource } from '../api/useApiResource.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { usePartnership } from '../partnerships/PartnershipContext.tsx';
import { commentsApi } from './commentsApi.ts';
import { openPartnershipStream } from './eventStream.ts';
import { emitPartnershipEvent } from './partnershipEvents.ts';
import { applyEvent, countByAnchor, selectThreads, type ThreadMap, type ThreadQuery } from './threadState.ts';

/** What the side panel shows; pages open it with `openPanel`. */
export interface PanelState {
  open: boolean;
  /** Only threads on this anchor (a goal's, a risk's…); none: every thread of the partnership. */
  anchor?: ThreadAnchor | undefined;
  /** The thread open in the panel. */
  threadId?: string | undefined;
  /** Start a new thread on this anchor (the panel shows the new-thread form). */
  newThread?: ThreadAnchor | undefined;
}

interface ThreadsValue {
  partnershipId: string;
  threads: ThreadMap;
  loaded: boolean;
  loadError: unknown;
  /** The partnership's members, for mentions and names. */
  members: Member[];
  myUserId: string | undefined;
  /** Whether the live stream is connected (false while it reconnects). */
  live: boolean;
  may: { comment: boolean; resolve(thread: CommentThread): boolean };
  refetch(): void;
  createThread(anchor: ThreadAnchor, body: string): Promise<CommentThread>;
  reply(threadId: string, body: string): Promise<void>;
  edit(messageId: string, body: string): Promise<void>;
  remove(messageId: string): Promise<void>;
  setStatus(threadId: string, status: 'resolved' | 'open'): Promise<void>;
  markRead(threadId: string): void;
  panel: PanelState;
  openPanel(state: Omit<PanelState, 'open'>): void;
  closePanel(): void;
  /** Names pages gave their anchors ("Joint PhD programme"), by `anchorKey`. */
  anchorLabels: ReadonlyMap<string, string>;
  setAnchorLabels(labels: ReadonlyMap<string, string>): void;
}

const ThreadsContext = createContext<ThreadsValue | null>(null);

/**
 * The partnership's comment threads, shared by every page under the partnership
 * layout: loaded once, kept live by one event stream per tab, changed through the API
 * (the server's answer and the stream's echo both land here; applying either twice is harmless).
 */
export function ThreadsProvider({ children }: { children: ReactNode }) {
  const { partnership, abilities } = usePartnership();
  const partnershipId = partnership.id;
  const { user } = useAuth();
  const myUserId = user?.id;
  const members = useApiResource<MembersResponse>(`/api/partnerships/${partnershipId}/members`);
  const [threads, setThreads] = useState<ThreadMap>(new Map());
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>();
  const [live, setLive] = useState(false);
  const [panel, setPanel] = useState<PanelState>({ open: false });
  const [anchorLabels, setAnchorLabelsState] = useState<ReadonlyMap<string, string>>(new Map());
  const openPanel = useCallback((state: Omit<PanelState, 'open'>) => setPanel({ ...state, open: true }), []);
  const closePanel = useCallback(() => setPanel((current) => ({ ...current, open: false })), []);
  const setAnchorLabels = useCallback((labels: ReadonlyMap<string, string>) => {
    setAnchorLabelsState((current) => {
      const changed = [...labels].some(([key, label]) => current.get(key) !== label);
      return changed ? new Map([...current, ...labels]) : current;
    });
  }, []);
  const fetchGeneration = useRef(0);
  const me = useRef(myUserId);
  me.current = myUserId;

  const refetch = useCallback(() => {
    const generation = ++fetchGeneration.current;
    commentsApi.threads(partnershipId).then(
      ({ threads: list }) => {
        if (generation !== fetchGeneration.current) return; // a newer fetch is under way
        setThreads(new Map(list.map((thread) => [thread.id, thread])));
        setLoaded(true);
        setLoadError(undefined);
      },
      (error: unknown) => generation === fetchGeneration.current && setLoadError(error),
    );
  }, [partnershipId]);

  const reloadMembers = members.reload;
  useEffect(() => {
    refetch();
    // The list above may have been read before the stream was subscribed on the server: an
    // event in between would be missed, so the list is read again once the stream is open.
    let subscribed = false;
    return openPartnershipStream(partnershipId, {
      onEvent(event) {
        emitPartnershipEvent(event);
        let unknownThread = false;
        setThreads((current) => {
          const applied = applyEvent(current, event, me.current);
          unknownThread = applied.refetch;
          return applied.threads;
        });
        if (unknownThread) refetch();
      },
      onResync() {
        emitPartnershipEvent('resync');
        refetch();
        reloadMembers();
      },
      onConnection(live) {
        setLive(live);
        if (live && !subscribed) {
          subscribed = true;
          refetch();
        }
      },
    });
  }, [partnershipId, refetch, reloadMembers]);

  const upsert = useCallback((thread: CommentThread) => {
    setThreads((current) => new Map(current).set(thread.id, thread));
  }, []);
  const applyMessage = useCallback((message: CommentThread['messages'][number]) => {
    setThreads((current) => applyEvent(current, { type: 'message', message }, me.current).threads);
  }, []);

  const markRead = useCallback((threadId: string) => {
    setThreads((current) => {
      const thread = current.get(threadId);
      return thread?.unread ? new Map(current).set(threadId, { ...thread, unread: false }) : current;
    });
    commentsApi.read(threadId).then(
      () => emitPartnershipEvent({ type: 'read', threadIds: [threadId] }),
      () => undefined, // unread state is a convenience; the next fetch corrects it
    );
  }, []);

  const value = useMemo<ThreadsValue>(
    () => ({
      partnershipId,
      threads,
      loaded,
      loadError,
      members: members.data?.members ?? [],
      myUserId,
      live,
      may: {
        comment: abilities.comment,
        resolve: (thread) =>
          abilities.resolveAnyThread ||
          (abilities.resolveOwnThread && thread.createdBy !== null && thread.createdBy.userId === myUserId),
      },
      refetch,
      async createThread(anchor, body) {
        const { thread } = await commentsApi.createThread(partnershipId, anchor, body);
        upsert(thread);
        return thread;
      },
      async reply(threadId, body) {
        applyMessage((await commentsApi.reply(threadId, body)).message);
      },
      async edit(messageId, body) {
        applyMessage((await commentsApi.edit(messageId, body)).message);
      },
      async remove(messageId) {
        applyMessage((await commentsApi.remove(messageId)).message);
      },
      async setStatus(threadId, status) {
        const { thread } = await (status === 'resolved' ? commentsApi.resolve : commentsApi.reopen)(threadId);
        upsert(thread);
      },
      markRead,
      panel,
      openPanel,
      closePanel,
      anchorLabels,
      setAnchorLabels,
    }),
    [
      partnershipId,
      threads,
      loaded,
      loadError,
      members.data,
      myUserId,
      live,
      abilities,
      refetch,
      upsert,
      applyMessage,
      markRead,
      panel,
      openPanel,
      closePanel,
      anchorLabels,
      setAnchorLabels,
    ],
  );
  return <ThreadsContext.Provider value={value}>{children}</ThreadsContext.Provider>;
}

/** The whole store: threads, members, abilities, actions and the side panel's state. */
export function useThreadStore(): ThreadsValue {
  const value = useContext(ThreadsContext);
  if (!value) throw new Error('useThreadStore outside ThreadsProvider (the partnership layout)');
  return value;
}

/** The threads a list shows, newest activity first, e.g. `useThreads({ filter: 'open', anchor: (a) => a.type === 'goal' })`. */
export function useThreads(query: ThreadQuery = {}): CommentThread[] {
  const { threads, myUserId } = useThreadStore();
  const { filter, anchor } = query;
  return useMemo(() => selectThreads(threads, { filter, anchor }, myUserId), [threads, filter, anchor, myUserId]);
}

/** Thread counts per `anchorKey`, for badges on goals, risks and shapes. */
export function useThreadCounts() {
  const { threads } = useThreadStore();
  return useMemo(() => countByAnchor(threads), [threads]);
}

/** Gives anchors the page's names for them (goal and risk titles), so the side panel says what a thread is on. */
export function useAnchorLabels(labels: ReadonlyMap<string, string>): void {
  const { setAnchorLabels } = useThreadStore();
  useEffect(() => setAnchorLabels(labels), [labels, setAnchorLabels]);
}
