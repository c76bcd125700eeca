import { useI18n } from '../i18n/i18n.tsx';
import { useNavigate } from '../router/router.tsx';
import { Button, EmptyState } from '../ui/index.ts';
import { anchorKey, threadLink } from './commentsApi.ts';
import { ThreadListItem } from './ThreadPanel.tsx';
import { useThreadStore, useThreads } from './ThreadsProvider.tsx';

const SHOWN = 5;

/** The partnership home's open threads: the five with the latest activity; each opens at its anchor. */
export function OpenThreadsSummary({ partnershipId }: { partnershipId: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const store = useThreadStore();
  const threads = useThreads({ filter: 'open' });
  return (
    <div className="open-threads-slot">
      {threads.length === 0 ? (
        <EmptyState title={t('comments.noneOpen')} />
      ) : (
        <ul className="thread-list">
          {threads.slice(0, SHOWN).map((thread) => (
            <ThreadListItem
              key={thread.id}
              thread={thread}
              label={store.anchorLabels.get(anchorKey(thread.anchor))}
              onOpen={() => navigate(threadLink(partnershipId, thread))}
            />
          ))}
        </ul>
      )}
      <p>
        <Button variant="secondary" size="sm" onClick={() => store.openPanel({})}>
          {threads.length > SHOWN ? t('comments.showAllCount', { count: threads.length }) : t('comments.openPanel')}
        </Button>
      </p>
    </div>
  );
}
