import { useI18n } from '../i18n/i18n.tsx';
import type { Collaborator } from '../sync/usePresence.ts';

/** Chips for the people editing an entry right now, and which field each is in. */
export function EditorsOf({ people }: { people: (Collaborator & { field?: string })[] | undefined }) {
  const { t } = useI18n();
  if (!people || people.length === 0) return null;
  return (
    <span className="entry-editors">
      {people.map((person) => (
        <span
          key={person.clientId}
          className="presence-chip"
          style={{ backgroundColor: person.color }}
          data-testid="entry-editor"
        >
          {person.field
            ? t('register.editingField', { name: person.name, field: t(`field.${person.field}` as 'field.title') })
            : t('register.editing', { name: person.name })}
        </span>
      ))}
    </span>
  );
}
