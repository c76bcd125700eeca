import type { CSSProperties } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { Collaborator } from '../sync/usePresence.ts';

/**
 * A chip's class and colour: others are filled with their cursor colour; one's own
 * chip is neutral with a dot of that colour, so it never reads as a status or an error.
 */
export function presenceChipProps(c: Collaborator): { className: string; style: CSSProperties } {
  return c.isSelf
    ? { className: 'presence-chip presence-chip--self', style: { '--presence-color': c.color } as CSSProperties }
    : { className: 'presence-chip', style: { backgroundColor: c.color } };
}

/** "Who is here": a chip per person present in the document. */
export function PresenceList({ collaborators }: { collaborators: Collaborator[] }) {
  const { t } = useI18n();
  return (
    <section className="presence" aria-label={t('presence.here')}>
      <ul>
        {collaborators.map((c) => (
          <li key={c.clientId} {...presenceChipProps(c)}>
            {c.isSelf ? t('presence.you', { name: c.name }) : c.name}
            {c.side && ` · ${t(`side.${c.side}`)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
