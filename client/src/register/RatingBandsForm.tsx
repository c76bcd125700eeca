import {
  DEFAULT_RATING_BANDS,
  type RatingBandThresholds,
  ratingBandThresholdsSchema,
  writeRatingBands,
} from '@samverka/model';
import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { Button } from '../ui/index.ts';
import type { PanelProps } from './RegisterPage.tsx';

/** The partnership's rating bands: the highest score of low, medium and high (above is critical). */
export function RatingBandsForm({ session, view, readOnly }: PanelProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<RatingBandThresholds>(view.bands);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => setDraft(view.bands), [view.bands]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ratingBandThresholdsSchema.safeParse(draft);
    setInvalid(!parsed.success);
    if (parsed.success) writeRatingBands(session.doc, parsed.data);
  };
  return (
    <details className="bands">
      <summary>{t('bands.heading', { low: view.bands.low, medium: view.bands.medium, high: view.bands.high })}</summary>
      <form onSubmit={submit}>
        {(['low', 'medium', 'high'] as const).map((band) => (
          <div className="field" key={band}>
            <label htmlFor={`band-${band}`}>{t('bands.upTo', { band: t(`band.${band}`) })}</label>
            <input
              id={`band-${band}`}
              type="number"
              min={1}
              max={24}
              value={draft[band]}
              readOnly={readOnly}
              onChange={(event) => setDraft({ ...draft, [band]: Number(event.target.value) })}
            />
          </div>
        ))}
        {invalid && <p className="field-error">{t('bands.invalid')}</p>}
        {!readOnly && (
          <>
            <Button type="submit">{t('bands.save')}</Button>{' '}
            <Button variant="secondary" onClick={() => writeRatingBands(session.doc, DEFAULT_RATING_BANDS)}>
              {t('bands.reset')}
            </Button>
          </>
        )}
      </form>
    </details>
  );
}
