import { createContext, lazy, type ReactNode, Suspense, useCallback, useContext, useState } from 'react';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastMessage {
  id: number;
  message: string;
  tone: ToastTone;
}

type ShowToast = (message: string, tone?: ToastTone) => void;
const ToastContext = createContext<ShowToast | null>(null);

// Radix's toasts load with the first toast, not with the sign-in page (docs/benchmarks.md);
// once loaded the stack stays mounted, so Radix keeps its timers and focus handling.
const ToastStack = lazy(async () => ({ default: (await import('./ToastStack.tsx')).ToastStack }));

let nextId = 1;

/** Hosts the toasts for the whole app. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const [used, setUsed] = useState(false);
  const show = useCallback<ShowToast>((message, tone = 'success') => {
    setUsed(true);
    setToasts((list) => [...list, { id: nextId++, message, tone }]);
  }, []);
  const remove = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      {used && (
        <Suspense fallback={null}>
          <ToastStack toasts={toasts} onClosed={remove} />
        </Suspense>
      )}
    </ToastContext.Provider>
  );
}

/** `toast('Saved')` shows a short message in the corner. */
export function useToast(): ShowToast {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast outside ToastProvider');
  return show;
}
