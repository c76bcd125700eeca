import {
  type LifecyclePhase,
  PARTNERSHIP_LANGUAGES,
  type PartnershipChangedResponse,
  type PartnershipLanguage,
  RECOMMENDED_MIN_TERM_YEARS,
  SIDES,
  type Side,
} from '@samverka/model';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/apiClient.ts';
import { checkRequired } from '../auth/credentialChecks.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { FormAlert, SelectField, TextField } from '../shell/forms.tsx';
import { PhaseField } from '../shell/namedFields.tsx';
import { useFormSubmit } from '../shell/useFormSubmit.ts';

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
  const problems = {
    name: checkRequired(t, name),
    universityName: checkRequired(t, universityName),
    partnerName: checkRequired(t, partnerName),
  };
  const term = Number.parseInt(termYears, 10);
  const shortTerm = Number.isFinite(term) && term < RECOMMENDED_MIN_TERM_YEARS;

  const { submit, busy, error, shown } = useFormSubmit(problems, async () => {
    const created = await api.post<PartnershipChangedResponse>('/api/partnerships', {
      name,
      universityName,
      partnerName,
      side,
      language,
      phase,
      ...(startDate ? { startDate } : {}),
      ...(Number.isFinite(term) ? { termYears: term } : {}),
    });
    navigate(`/p/${created.partnership.id}`);
  });

  return (
    <section className="panel" aria-labelledby="create-partnership">
      <h2 id="create-partnership">{t('partnerships.create')}</h2>
      <form onSubmit={submit} noValidate className="grid-form">
        <FormAlert error={error} />
        <TextField label={t('partnership.name')} name="name" value={name} onChange={setName} error={shown.name} />
        <TextField
          label={t('partnership.universityName')}
          name="universityName"
          value={universityName}
          onChange={setUniversityName}
          error={shown.universityName}
        />
        <TextField
          label={t('partnership.partnerName')}
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
        />
        <TextField
          label={t('partnership.termYears')}
          name="termYears"
          type="number"
          value={termYears}
          onChange={setTermYears}
          hint={shortTerm ? t('partnership.termWarning') : undefined}
          error={shown.termYears}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('form.saving') : t('partnerships.create')}
        </button>
      </form>
    </section>
  );
}
