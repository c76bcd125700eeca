import * as RadixToast from '@radix-ui/react-toast';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { IconButton } from './IconButton.tsx';
import { CloseIcon } from './icons.tsx';

export type ToastTone = 'success' | 'error' | 'info';

interface ToastMessage {
  id: number;
  message: string;
  tone: ToastTone;
}

type ShowToast = (message: string, tone?: ToastTone) => void;
const ToastContext = createContext<ShowToast | null>(null);

let nextId = 1;

/** Hosts the toasts (Radix: announced politely, F8 jumps to them, swipe or Escape closes). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const show = useCallback<ShowToast>((message, tone = 'success') => {
    setToasts((list) => [...list, { id: nextId++, message, tone }]);
  }, []);
  const remove = (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id));
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <RadixToast.Provider duration={5000} label={t('ui.notifications')}>
        {children}
        {toasts.map((toast) => (
          <RadixToast.Root
            key={toast.id}
            className={`ui-toast ui-toast--${toast.tone}`}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => !open && remove(toast.id)}
          >
            <RadixToast.Description className="ui-toast-message">{toast.message}</RadixToast.Description>
            <RadixToast.Close asChild>
              <IconButton label={t('ui.close')} icon={<CloseIcon />} />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="ui-toast-viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** `toast('Saved')` shows a short message in the corner. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast outside ToastProvider');
  return show;
}
