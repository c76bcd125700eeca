import type { LifecyclePhase, PartnershipChangedResponse } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert, TextField } from '../shell/forms.tsx';
import { PhaseField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { usePartnership } from './PartnershipContext.tsx';

/** Owners rename the partnership, move it through its lifecycle, or archive it. */
export function PartnershipSettings() {
  const { t } = useI18n();
  const { partnership, reload } = usePartnership();
  const [name, setName] = useState(partnership.name);
  const [phase, setPhase] = useState<LifecyclePhase>(partnership.phase);
  const [archiveError, setArchiveError] = useState<unknown>();
  const base = `/api/partnerships/${partnership.id}`;

  const { submit, error, shown } = useFormSubmit({ name: checkRequired(t, name) }, async () => {
    await api.patch<PartnershipChangedResponse>(base, { name, phase });
    reload();
  });

  async function archive() {
    if (!window.confirm(t('settings.archiveConfirm', { partnership: partnership.name }))) return;
    setArchiveError(undefined);
    try {
      await api.post<PartnershipChangedResponse>(`${base}/archive`);
      reload();
    } catch (e) {
      setArchiveError(e);
    }
  }

  if (partnership.archivedAt) return <p className="notice">{t('settings.archived')}</p>;
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings.heading')}</h2>
      <form onSubmit={submit} noValidate className="grid-form">
        <FormAlert error={error ?? archiveError} />
        <TextField label={t('partnership.name')} name="name" value={name} onChange={setName} error={shown.name} />
        <PhaseField value={phase} onChange={setPhase} />
        <div className="actions">
          <button type="submit">{t('settings.save')}</button>
          <button type="button" className="secondary" onClick={archive}>
            {t('settings.archive')}
          </button>
        </div>
      </form>
    </section>
  );
}
