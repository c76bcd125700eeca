import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { bannerError, serverFieldErrors } from './fieldErrors.ts';

/**
 * The life of a form: our checks shown once the person tries to submit, the
 * server's per-field messages (translated) after, a busy flag, and the banner
 * error. `problems` are this render's translated client-side checks, one key per
 * field the form shows (undefined when fine): a server error on those fields is
 * shown by the field only, so each problem is said once.
 */
export function useFormSubmit(problems: Record<string, string | undefined>, action: () => Promise<void>) {
  const { t } = useI18n();
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

  const local = Object.fromEntries(Object.entries(touched ? problems : {}).filter(([, v]) => v));
  const shown: Record<string, string | undefined> = { ...serverFieldErrors(t, error), ...local };
  return { submit, busy, error, formError: bannerError(error, Object.keys(problems)), shown };
}
