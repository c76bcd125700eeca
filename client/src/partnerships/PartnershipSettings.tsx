import type { LifecyclePhase, PartnershipChangedResponse } from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert } from '../shell/forms.tsx';
import { OrganisationNameField, PhaseField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button, PageHeader, Panel, useConfirm, useToast } from '../ui/index.ts';
import { usePartnership } from './PartnershipContext.tsx';

/** `/p/:id/settings`: owners rename the partnership, move it through its lifecycle, or archive it. */
export function PartnershipSettingsPage() {
  const { t } = useI18n();
  const { partnership, abilities } = usePartnership();
  return (
    <div className="page">
      <PageHeader title={t('settings.heading')} subtitle={partnership.name} />
      {!abilities.managePartnership ? (
        <p className="notice">{t('partnership.readOnlyNotice')}</p>
      ) : partnership.archivedAt ? (
        <p className="notice">{t('settings.archived')}</p>
      ) : (
        <PartnershipSettings key={partnership.name + partnership.phase} />
      )}
    </div>
  );
}

function PartnershipSettings() {
  const { t } = useI18n();
  const toast = useToast();
  const confirm = useConfirm();
  const { partnership, reload } = usePartnership();
  const [name, setName] = useState(partnership.name);
  const [phase, setPhase] = useState<LifecyclePhase>(partnership.phase);
  const [archiveError, setArchiveError] = useState<unknown>();
  const base = `/api/partnerships/${partnership.id}`;

  const { submit, busy, formError, shown } = useFormSubmit({ name: checkRequired(t, name) }, async () => {
    await api.patch<PartnershipChangedResponse>(base, { name, phase });
    toast(t('settings.saved'));
    reload();
  });

  async function archive() {
    const confirmed = await confirm({
      title: t('settings.archiveTitle', { partnership: partnership.name }),
      body: t('settings.archiveHelp'),
      confirmLabel: t('settings.archive'),
    });
    if (!confirmed) return;
    setArchiveError(undefined);
    try {
      await api.post<PartnershipChangedResponse>(`${base}/archive`);
      reload();
    } catch (e) {
      setArchiveError(e);
    }
  }

  return (
    <div className="settings">
      <Panel title={t('settings.general')}>
        <form onSubmit={submit} noValidate className="grid-form">
          <FormAlert error={formError} />
          <OrganisationNameField name="name" value={name} onChange={setName} error={shown.name} />
          <PhaseField value={phase} onChange={setPhase} />
          <div className="actions">
            <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
              {t('settings.save')}
            </Button>
          </div>
        </form>
      </Panel>
      <Panel title={t('settings.dangerZone')} className="danger-zone">
        <p>{t('settings.archiveHelp')}</p>
        <FormAlert error={archiveError} />
        <Button variant="danger" onClick={archive}>
          {t('settings.archive')}
        </Button>
      </Panel>
    </div>
  );
}
