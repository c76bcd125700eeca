import type { CommentMessage, CommentThread } from '@samverka/model';
import { useEffect, useState } from 'react';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Badge, Button, useConfirm, useToast } from '../ui/index.ts';
import { anchorText } from './anchorText.ts';
import { MessageBody, PersonName } from './MessageBody.tsx';
import { commentError, MessageInput } from './MessageInput.tsx';
import { useThreadStore } from './ThreadsProvider.tsx';

/** One thread: its messages, reply box, and resolve/reopen as the person's abilities allow. Opening it marks it read. */
export function ThreadView({ thread, onBack, label }: { thread: CommentThread; onBack(): void; label?: string }) {
  const { t } = useI18n();
  const { dateTime } = useFormat();
  const toast = useToast();
  const store = useThreadStore();
  const [busy, setBusy] = useState(false);
  const { markRead } = store;

  // Read when opened, and again whenever a new message arrives while it is open.
  useEffect(() => {
    if (thread.unread) markRead(thread.id);
  }, [thread.id, thread.unread, markRead]);

  const setStatus = async (status: 'open' | 'resolved') => {
    setBusy(true);
    try {
      await store.setStatus(thread.id, status);
    } catch (error) {
      toast(commentError(t, error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="thread-view" aria-labelledby={`thread-${thread.id}-title`} data-thread-id={thread.id}>
      <div className="thread-view-head">
        <Button variant="ghost" size="sm" onClick={onBack}>
          {t('comments.back')}
        </Button>
        <h3 id={`thread-${thread.id}-title`} className="thread-view-title">
          {anchorText(t, thread.anchor, label)}
        </h3>
        <Badge tone={thread.status === 'open' ? 'info' : 'success'}>{t(`comments.status.${thread.status}`)}</Badge>
      </div>
      {thread.status === 'resolved' && thread.resolvedAt && (
        <p className="muted thread-resolved-by">
          {t('comments.resolvedBy', {
            name: thread.resolvedBy?.name ?? t('comments.formerMember'),
            date: dateTime(thread.resolvedAt),
          })}
        </p>
      )}
      <ol className="message-list">
        {thread.messages.map((message) => (
          <MessageItem key={message.id} message={message} />
        ))}
      </ol>
      {store.may.comment && (
        <MessageInput
          key={thread.id}
          label={t('comments.reply')}
          submitLabel={t('comments.reply')}
          members={store.members}
          onSubmit={(body) => store.reply(thread.id, body)}
        />
      )}
      {store.may.resolve(thread) && (
        <div className="thread-view-actions">
          {thread.status === 'open' ? (
            <Button variant="secondary" size="sm" busy={busy} onClick={() => setStatus('resolved')}>
              {t('comments.resolve')}
            </Button>
          ) : (
            <Button variant="secondary" size="sm" busy={busy} onClick={() => setStatus('open')}>
              {t('comments.reopen')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}

/** A message with its author and side, edited/deleted markers, and edit/delete for its author. */
function MessageItem({ message }: { message: CommentMessage }) {
  const { t } = useI18n();
  const { dateTime } = useFormat();
  const confirm = useConfirm();
  const toast = useToast();
  const store = useThreadStore();
  const [editing, setEditing] = useState(false);
  const mine = message.author !== null && message.author.userId === store.myUserId;
  const deleted = message.deletedAt !== null;

  const remove = async () => {
    const ok = await confirm({
      title: t('comments.deleteTitle'),
      body: t('comments.deleteBody'),
      confirmLabel: t('comments.delete'),
    });
    if (!ok) return;
    try {
      await store.remove(message.id);
    } catch (error) {
      toast(commentError(t, error), 'error');
    }
  };

  return (
    <li className="message" data-message-id={message.id}>
      <div className="message-meta">
        <PersonName person={message.author} />
        <time dateTime={message.createdAt} className="muted">
          {dateTime(message.createdAt)}
        </time>
        {message.editedAt && !deleted && <Badge>{t('comments.edited')}</Badge>}
      </div>
      {deleted ? (
        <p className="comment-body muted">
          <em>{t('comments.deleted')}</em>
        </p>
      ) : editing ? (
        <MessageInput
          label={t('comments.editMessage')}
          submitLabel={t('comments.save')}
          members={store.members}
          initialBody={message.body}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            await store.edit(message.id, body);
            setEditing(false);
          }}
        />
      ) : (
        <MessageBody body={message.body} members={store.members} />
      )}
      {mine && !deleted && !editing && store.may.comment && (
        <div className="message-actions">
          <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </Button>
          <Button variant="ghost" size="sm" onClick={remove}>
            {t('comments.delete')}
          </Button>
        </div>
      )}
    </li>
  );
}
