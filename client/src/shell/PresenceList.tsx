import { useI18n } from '../i18n/i18n.tsx';
import type { Collaborator } from '../sync/usePresence.ts';

/** "Who is here": a chip per person present in the document. */
export function PresenceList({ collaborators }: { collaborators: Collaborator[] }) {
  const { t } = useI18n();
  return (
    <section className="presence" aria-label={t('presence.here')}>
      <ul>
        {collaborators.map((c) => (
          <li key={c.clientId} className="presence-chip" style={{ backgroundColor: c.color }}>
            {c.isSelf ? t('presence.you', { name: c.name }) : c.name}
            {c.side && ` · ${t(`side.${c.side}`)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
