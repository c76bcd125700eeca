import {
  type LifecyclePhase,
  PARTNERSHIP_LANGUAGES,
  type PartnershipChangedResponse,
  type PartnershipLanguage,
  RECOMMENDED_MIN_TERM_YEARS,
  SIDES,
  type Side,
  TERM_YEARS_MAX,
  TERM_YEARS_MIN,
} from '@samverka/model';
import { useState } from 'react';
import { api } from '../api/apiClient.ts';
import { checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useNavigate } from '../router/router.tsx';
import { FormAlert, SelectField, TextField } from '../shell/forms.tsx';
import { OrganisationNameField, PhaseField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';
import { Button, Panel } from '../ui/index.ts';

/** Creates a partnership; its canvas and register are made by the server with it. */
export function CreatePartnershipForm() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [universityName, setUniversityName] = useState('');
  const [partnerName, setPartnerName] = useState('');
  const [side, setSide] = useState<Side>('university');
  const [language, setLanguage] = useState<PartnershipLanguage>(locale === 'sv' ? 'sv' : 'en');
  const [startDate, setStartDate] = useState('');
  const [termYears, setTermYears] = useState('5');
  const [phase, setPhase] = useState<LifecyclePhase>('exploring');
  const term = Number(termYears);
  const termOk = termYears === '' || (Number.isInteger(term) && term >= TERM_YEARS_MIN && term <= TERM_YEARS_MAX);
  const problems = {
    name: checkRequired(t, name),
    universityName: checkRequired(t, universityName),
    partnerName: checkRequired(t, partnerName),
    termYears: termOk ? undefined : t('form.termRange', { min: TERM_YEARS_MIN, max: TERM_YEARS_MAX }),
    startDate: undefined,
  };
  const shortTerm = termYears !== '' && termOk && term < RECOMMENDED_MIN_TERM_YEARS;

  const { submit, busy, formError, shown } = useFormSubmit(problems, async () => {
    const created = await api.post<PartnershipChangedResponse>('/api/partnerships', {
      name,
      universityName,
      partnerName,
      side,
      language,
      phase,
      ...(startDate ? { startDate } : {}),
      ...(termYears !== '' ? { termYears: term } : {}),
    });
    navigate(`/p/${created.partnership.id}`);
  });

  return (
    <Panel title={t('partnerships.create')} className="panel-spaced">
      <form onSubmit={submit} noValidate className="grid-form">
        <FormAlert error={formError} />
        <OrganisationNameField name="name" value={name} onChange={setName} error={shown.name} />
        <OrganisationNameField
          name="universityName"
          value={universityName}
          onChange={setUniversityName}
          error={shown.universityName}
        />
        <OrganisationNameField
          name="partnerName"
          value={partnerName}
          onChange={setPartnerName}
          error={shown.partnerName}
        />
        <SelectField<Side>
          label={t('partnership.yourSide')}
          name="side"
          value={side}
          options={SIDES}
          optionLabel={(s) => t(`side.${s}`)}
          onChange={setSide}
        />
        <SelectField<PartnershipLanguage>
          label={t('partnership.language')}
          name="language"
          value={language}
          options={PARTNERSHIP_LANGUAGES}
          optionLabel={(l) => t(`language.${l}`)}
          onChange={setLanguage}
        />
        <PhaseField value={phase} onChange={setPhase} />
        <TextField
          label={t('partnership.startDate')}
          name="startDate"
          type="date"
          value={startDate}
          onChange={setStartDate}
          error={shown.startDate}
        />
        <TextField
          label={t('partnership.termYears')}
          name="termYears"
          type="number"
          value={termYears}
          onChange={setTermYears}
          min={TERM_YEARS_MIN}
          max={TERM_YEARS_MAX}
          hint={shortTerm ? t('partnership.termWarning') : undefined}
          error={shown.termYears}
        />
        <Button type="submit" busy={busy} busyLabel={t('form.saving')}>
          {t('partnerships.create')}
        </Button>
      </form>
    </Panel>
  );
}
