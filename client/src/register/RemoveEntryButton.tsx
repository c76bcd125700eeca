import { useI18n } from '../i18n/i18n.tsx';
import { Button, useConfirm } from '../ui/index.ts';

/** Removes a register entry for everyone, after a confirmation naming it (there is no undo across the partnership). */
export function RemoveEntryButton({ title, onRemove, size }: { title: string; onRemove(): void; size?: 'sm' | 'md' }) {
  const { t } = useI18n();
  const confirm = useConfirm();
  return (
    <Button
      variant="danger"
      size={size ?? 'md'}
      onClick={async () => {
        const yes = await confirm({
          title: t('register.removeTitle', { title }),
          body: t('register.removeBody'),
          confirmLabel: t('register.remove'),
        });
        if (yes) onRemove();
      }}
    >
      {t('register.remove')}
    </Button>
  );
}
