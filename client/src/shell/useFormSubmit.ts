import { type FormEvent, useState } from 'react';
import { fieldErrors } from './forms.tsx';

/**
 * The life of a form: our checks shown once the person tries to submit, the
 * server's per-field messages after, a busy flag, and the form-level error.
 * `problems` are this render's translated client-side checks.
 */
export function useFormSubmit(problems: Record<string, string | undefined>, action: () => Promise<void>) {
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setTouched(true);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setTouched(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return { submit, busy, error, shown: fieldErrors(touched ? problems : {}, error) };
}
