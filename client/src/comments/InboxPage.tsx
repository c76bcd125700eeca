import type { InboxItem, Member, MembersResponse } from '@samverka/model';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/apiClient.ts';
import { useFormat } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router/router.tsx';
import { errorMessage } from '../shell/forms.tsx';
import { Badge, Button, EmptyState, PageHeader, Skeleton, useToast } from '../ui/index.ts';
import { anchorText } from './anchorText.ts';
import { commentsApi, threadLink } from './commentsApi.ts';
import { useInbox } from './InboxProvider.tsx';
import { MessageBody, PersonName } from './MessageBody.tsx';
import './comments.css';

/** The members of each partnership the inbox names, so mentions show current names and sides. */
function useMembersOf(partnershipIds: string[]): Map<string, Member[]> {
  const [members, setMembers] = useState(new Map<string, Member[]>());
  const wanted = partnershipIds.filter((id) => !members.has(id)).join(',');
  useEffect(() => {
    if (!wanted) return;
    for (const id of wanted.split(',')) {
      api.get<MembersResponse>(`/api/partnerships/${id}/members`).then(
        (data) => setMembers((current) => new Map(current).set(id, data.members)),
        () => setMembers((current) => new Map(current).set(id, [])),
      );
    }
  }, [wanted]);
  return members;
}

/** `/inbox`: mentions of me and replies in my threads across my partnerships, newest first. */
export function InboxPage() {
  const { t } = useI18n();
  const { plural } = useFormat();
  const toast = useToast();
  const { inbox, error, reload } = useInbox();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [busy, setBusy] = useState(false);
  const items = inbox?.items ?? [];
  const partnershipIds = useMemo(() => [...new Set(items.map((item) => item.partnership.id))], [items]);
  const members = useMembersOf(partnershipIds);
  const shown = onlyUnread ? items.filter((item) => !item.read) : items;

  // Opening the page looks again at once rather than waiting for the next event.
  useEffect(() => reload(), [reload]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (caught) {
      toast(errorMessage(t, caught), 'error');
    } finally {
      setBusy(false);
      reload();
    }
  };

  return (
    <div className="page inbox-page">
      <PageHeader
        title={t('inbox.title')}
        subtitle={inbox ? plural('inbox.unread', inbox.unreadCount) : undefined}
        actions={
          inbox && inbox.unreadCount > 0 ? (
            <Button variant="secondary" busy={busy} onClick={() => run(commentsApi.readInbox)}>
              {t('inbox.markAllRead')}
            </Button>
          ) : undefined
        }
      />
      <label className="checkbox">
        <input type="checkbox" checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)} />
        {t('inbox.onlyUnread')}
      </label>
      {!inbox && error ? (
        <p className="form-alert" role="alert">
          {errorMessage(t, error)}
        </p>
      ) : !inbox ? (
        <Skeleton lines={4} />
      ) : shown.length === 0 ? (
        <EmptyState title={t('inbox.empty')} body={t('inbox.emptyBody')} />
      ) : (
        <ul className="inbox-list">
          {shown.map((item) => (
            <InboxEntry
              key={`${item.kind}-${item.message.id}`}
              item={item}
              members={members.get(item.partnership.id) ?? []}
              onMarkRead={() => run(() => commentsApi.read(item.thread.id))}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function InboxEntry({ item, members, onMarkRead }: { item: InboxItem; members: Member[]; onMarkRead(): void }) {
  const { t } = useI18n();
  const { dateTime } = useFormat();
  const { message } = item;
  return (
    <li className={item.read ? 'inbox-item' : 'inbox-item inbox-item--unread'} data-testid="inbox-item">
      <div className="inbox-item-head">
        {!item.read && <Badge tone="brand">{t('comments.unread')}</Badge>}
        <Badge tone={item.kind === 'mention' ? 'info' : 'neutral'}>{t(`inbox.kind.${item.kind}`)}</Badge>
        {item.thread.status === 'resolved' && <Badge tone="success">{t('comments.status.resolved')}</Badge>}
        <span className="muted">
          {item.partnership.name} · {anchorText(t, item.thread.anchor)}
        </span>
      </div>
      <div className="message-meta">
        <PersonName person={message.author} />
        <time dateTime={message.createdAt} className="muted">
          {dateTime(message.createdAt)}
        </time>
      </div>
      {message.deletedAt ? (
        <p className="comment-body muted">
          <em>{t('comments.deleted')}</em>
        </p>
      ) : (
        <MessageBody body={message.body} members={members} />
      )}
      <div className="inbox-item-actions">
        <Link to={threadLink(item.partnership.id, item.thread)}>{t('inbox.openThread')}</Link>
        {!item.read && (
          <button type="button" className="link-button" onClick={onMarkRead}>
            {t('inbox.markRead')}
          </button>
        )}
      </div>
    </li>
  );
}
