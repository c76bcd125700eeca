import type { CommentAuthor, Member } from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import { bodyParts } from './mentions.ts';

/** "Anna Lind (University)": a person with their side, as threads show them. */
export function PersonName({ person }: { person: Pick<CommentAuthor, 'name' | 'side'> | null | undefined }) {
  const { t } = useI18n();
  if (!person) return <span className="comment-person">{t('comments.formerMember')}</span>;
  return (
    <span className="comment-person">
      {person.name}
      {person.side && <span className="comment-side"> ({t(`side.${person.side}`)})</span>}
    </span>
  );
}

/** A message's text with each `@[id]` shown as the member's current name and side. */
export function MessageBody({ body, members }: { body: string; members: readonly Member[] }) {
  const { t } = useI18n();
  return (
    <p className="comment-body">
      {bodyParts(body).map((part, index) => {
        // A body's parts have no ids; their positions are stable for one body, and the body is the parent's key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        if ('text' in part) return <span key={index}>{part.text}</span>;
        const member = members.find((m) => m.userId === part.mention);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: positions are the parts' identity
          <span key={index} className="comment-mention" data-user-id={part.mention}>
            @{member ? member.name : t('comments.formerMember')}
            {member && <span className="comment-side"> ({t(`side.${member.side}`)})</span>}
          </span>
        );
      })}
    </p>
  );
}
