import type { CommentThread, ThreadAnchor } from '@samverka/model';
import { useState } from 'react';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Badge, Button, EmptyState, Skeleton } from '../ui/index.ts';
import { anchorText } from './anchorText.ts';
import { anchorKey } from './commentsApi.ts';
import { MessageBody, PersonName } from './MessageBody.tsx';
import { MessageInput } from './MessageInput.tsx';
import { useThreadStore, useThreads } from './ThreadsProvider.tsx';
import { ThreadView } from './ThreadView.tsx';
import { THREAD_FILTERS, type ThreadFilter } from './threadState.ts';

export interface ThreadPanelProps {
  /** Only threads whose anchor passes (e.g. one goal's, or one document's). Keep it stable (useCallback) or cheap. */
  anchorFilter?: (anchor: ThreadAnchor) => boolean;
  /** Called when the person opens a thread, so the page can scroll to and highlight its anchor. */
  onSelectThread?(thread: CommentThread): void;
  /** Offer "New thread" on this anchor (shown to people who may comment). */
  newThreadAnchor?: ThreadAnchor | undefined;
  /** Start with the new-thread form open (e.g. "Comment" on a goal without threads). */
  startNewThread?: boolean;
  /** The open thread, when the page controls it; otherwise the panel keeps its own. */
  threadId?: string | undefined;
  onThreadIdChange?(threadId: string | undefined): void;
  /** The page's own name for an anchor ("Goal: Joint PhD programme"), when it knows one. */
  anchorLabel?(anchor: ThreadAnchor): string | undefined;
}

/**
 * A partnership's threads for one page: filters (all, open, resolved, mine, mentioning
 * me), unread markers, a thread view, and a new-thread form. The data comes from the
 * ThreadsProvider at the partnership layout, so every panel on every page stays live.
 */
export function ThreadPanel(props: ThreadPanelProps) {
  const { t } = useI18n();
  const store = useThreadStore();
  const [filter, setFilter] = useState<ThreadFilter | 'all'>('open');
  const [ownThreadId, setOwnThreadId] = useState<string | undefined>();
  const [composing, setComposing] = useState(props.startNewThread ?? false);
  const threadId = props.onThreadIdChange ? props.threadId : ownThreadId;
  const setThreadId = props.onThreadIdChange ?? setOwnThreadId;
  const threads = useThreads({ filter, anchor: props.anchorFilter });
  const open = threadId ? store.threads.get(threadId) : undefined;

  if (open) {
    return <ThreadView thread={open} label={props.anchorLabel?.(open.anchor)} onBack={() => setThreadId(undefined)} />;
  }
  const select = (thread: CommentThread) => {
    setThreadId(thread.id);
    props.onSelectThread?.(thread);
  };
  const newAnchor = props.newThreadAnchor;

  return (
    <div className="thread-panel">
      <fieldset className="thread-filters">
        <legend className="visually-hidden">{t('comments.filters')}</legend>
        {(['all', ...THREAD_FILTERS] as const).map((value) => (
          <button
            key={value}
            type="button"
            className="thread-filter"
            aria-pressed={filter === value}
            onClick={() => setFilter(value)}
          >
            {t(`comments.filter.${value}`)}
          </button>
        ))}
      </fieldset>
      {newAnchor && store.may.comment && !composing && (
        <Button size="sm" onClick={() => setComposing(true)}>
          {t('comments.newThread')}
        </Button>
      )}
      {newAnchor && store.may.comment && composing && (
        <section className="new-thread" aria-label={t('comments.newThread')}>
          <p className="muted">{anchorText(t, newAnchor, props.anchorLabel?.(newAnchor))}</p>
          <MessageInput
            label={t('comments.newThread')}
            submitLabel={t('comments.post')}
            members={store.members}
            autoFocus
            onCancel={() => setComposing(false)}
            onSubmit={async (body) => {
              const thread = await store.createThread(newAnchor, body);
              setComposing(false);
              setThreadId(thread.id);
            }}
          />
        </section>
      )}
      {!store.loaded && !store.loadError ? (
        <Skeleton lines={3} />
      ) : threads.length === 0 ? (
        <EmptyState title={t('comments.none')} body={store.may.comment ? undefined : t('comments.viewOnly')} />
      ) : (
        <ul className="thread-list">
          {threads.map((thread) => (
            <ThreadListItem
              key={thread.id}
              thread={thread}
              label={props.anchorLabel?.(thread.anchor)}
              onOpen={() => select(thread)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/** One row: anchor, first message, who and when, unread and resolved markers. */
export function ThreadListItem({
  thread,
  label,
  onOpen,
}: {
  thread: CommentThread;
  label?: string | undefined;
  onOpen(): void;
}) {
  const { t } = useI18n();
  const { dateTime, plural } = useFormat();
  const { members } = useThreadStore();
  const first = thread.messages[0];
  const replies = thread.messages.length - 1;
  return (
    <li
      className={thread.unread ? 'thread-item thread-item--unread' : 'thread-item'}
      data-anchor={anchorKey(thread.anchor)}
    >
      <button type="button" className="thread-item-button" onClick={onOpen} data-thread-id={thread.id}>
        <span className="thread-item-head">
          {thread.unread && <Badge tone="brand">{t('comments.unread')}</Badge>}
          {thread.status === 'resolved' && <Badge tone="success">{t('comments.status.resolved')}</Badge>}
          <span className="thread-item-anchor">{anchorText(t, thread.anchor, label)}</span>
        </span>
        {first &&
          (first.deletedAt ? (
            <em className="muted">{t('comments.deleted')}</em>
          ) : (
            <MessageBody body={first.body} members={members} />
          ))}
        <span className="thread-item-meta muted">
          <PersonName person={thread.createdBy} /> · {dateTime(thread.createdAt)}
          {replies > 0 && ` · ${plural('comments.replies', replies)}`}
        </span>
      </button>
    </li>
  );
}
