import { createContext, lazy, type ReactNode, Suspense, useCallback, useContext, useRef, useState } from 'react';
import type { ConfirmOptions } from './ConfirmDialogView.tsx';

// Radix's dialog loads on the first confirmation, not with the sign-in page (docs/benchmarks.md).
const ConfirmDialog = lazy(async () => ({ default: (await import('./ConfirmDialogView.tsx')).ConfirmDialog }));

type Confirm = (options: ConfirmOptions) => Promise<boolean>;
const ConfirmContext = createContext<Confirm | null>(null);

/** Hosts one ConfirmDialog for the app so any component can `await confirm(...)`. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<(answer: boolean) => void>(undefined);
  const confirm = useCallback<Confirm>((next) => {
    resolver.current?.(false);
    setOptions(next);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const settle = (answer: boolean) => {
    resolver.current?.(answer);
    resolver.current = undefined;
    setOptions(null);
  };
  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      {options && (
        <Suspense fallback={null}>
          <ConfirmDialog
            {...options}
            open
            onOpenChange={(open) => !open && settle(false)}
            onConfirm={() => settle(true)}
          />
        </Suspense>
      )}
    </ConfirmContext.Provider>
  );
}

/** `await confirm({ title, confirmLabel })` resolves true only when the person confirms. */
export function useConfirm(): Confirm {
  const confirm = useContext(ConfirmContext);
  if (!confirm) throw new Error('useConfirm outside ConfirmProvider');
  return confirm;
}
