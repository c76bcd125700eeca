import * as RadixToast from '@radix-ui/react-toast';
import { useI18n } from '../i18n/i18n.tsx';
import { IconButton } from './IconButton.tsx';
import { CloseIcon } from './icons.tsx';
import type { ToastMessage } from './Toast.tsx';

/** The shown toasts (Radix: announced politely, F8 jumps to them, swipe or Escape closes). */
export function ToastStack({ toasts, onClosed }: { toasts: ToastMessage[]; onClosed(id: number): void }) {
  const { t } = useI18n();
  return (
    <RadixToast.Provider duration={5000} label={t('ui.notifications')}>
      {toasts.map((toast) => (
        <RadixToast.Root
          key={toast.id}
          className={`ui-toast ui-toast--${toast.tone}`}
          type={toast.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => !open && onClosed(toast.id)}
        >
          <RadixToast.Description className="ui-toast-message">{toast.message}</RadixToast.Description>
          <RadixToast.Close asChild>
            <IconButton label={t('ui.close')} icon={<CloseIcon />} />
          </RadixToast.Close>
        </RadixToast.Root>
      ))}
      <RadixToast.Viewport className="ui-toast-viewport" />
    </RadixToast.Provider>
  );
}
