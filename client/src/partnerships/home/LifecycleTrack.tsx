import { LIFECYCLE_PHASES, type LifecyclePhase } from '@samverka/model';
import { useI18n } from '../../i18n/i18n.tsx';
import { Panel } from '../../ui/index.ts';

/** The lifecycle as a track of steps: phases before the current one are done, the current one is marked. */
export function LifecycleTrack({ phase }: { phase: LifecyclePhase }) {
  const { t } = useI18n();
  const current = LIFECYCLE_PHASES.indexOf(phase);
  return (
    <Panel title={t('home.lifecycle')} className="lifecycle-panel">
      <ol className="lifecycle-track">
        {LIFECYCLE_PHASES.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'upcoming';
          return (
            <li
              key={step}
              className={`lifecycle-step lifecycle-step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="lifecycle-dot" aria-hidden="true" />
              <span className="lifecycle-label">{t(`phase.${step}`)}</span>
              {state === 'current' && <span className="lifecycle-note">{t('home.currentPhase')}</span>}
              {state === 'done' && <span className="visually-hidden"> ({t('home.phaseDone')})</span>}
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
