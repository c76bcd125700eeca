import { type RatingBandThresholds, ratingBand, riskScore } from '@samverka/model';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface HeatCell {
  likelihood: number;
  impact: number;
}

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * The 5×5 heat map: likelihood across, impact up, each cell a button with its
 * count that filters the table. One cell is in the tab order; arrow keys move
 * between cells, Home/End to the row's ends.
 */
export function HeatMap(props: {
  counts: Map<string, number>;
  bands: RatingBandThresholds;
  selected: HeatCell | undefined;
  onSelect(cell: HeatCell | undefined): void;
  caption: string;
}) {
  const { t } = useI18n();
  const [active, setActive] = useState<HeatCell>(props.selected ?? { likelihood: 1, impact: 5 });
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const move = (event: KeyboardEvent, cell: HeatCell) => {
    const step: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    let next: HeatCell | undefined;
    const delta = step[event.key];
    if (delta) {
      next = {
        likelihood: Math.min(5, Math.max(1, cell.likelihood + delta[0])),
        impact: Math.min(5, Math.max(1, cell.impact + delta[1])),
      };
    } else if (event.key === 'Home') next = { ...cell, likelihood: 1 };
    else if (event.key === 'End') next = { ...cell, likelihood: 5 };
    if (!next) return;
    event.preventDefault();
    setActive(next);
    buttons.current.get(key(next))?.focus();
  };

  return (
    <table className="heat-map">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <td />
          {LEVELS.map((likelihood) => (
            <th key={likelihood} scope="col">
              {t('risk.likelihoodShort', { n: likelihood })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...LEVELS].reverse().map((impact) => (
          <tr key={impact}>
            <th scope="row">{t('risk.impactShort', { n: impact })}</th>
            {LEVELS.map((likelihood) => {
              const cell = { likelihood, impact };
              const count = props.counts.get(key(cell)) ?? 0;
              const pressed = props.selected?.likelihood === likelihood && props.selected.impact === impact;
              const band = ratingBand(riskScore(likelihood, impact), props.bands);
              return (
                <td key={likelihood}>
                  <button
                    type="button"
                    ref={(element) => {
                      if (element) buttons.current.set(key(cell), element);
                    }}
                    className={`heat-cell band-${band}`}
                    data-testid={`heat-${likelihood}-${impact}`}
                    data-count={count}
                    aria-pressed={pressed}
                    aria-label={t('risk.heatCell', { likelihood, impact, count, band: t(`band.${band}`) })}
                    tabIndex={active.likelihood === likelihood && active.impact === impact ? 0 : -1}
                    onClick={() => {
                      setActive(cell);
                      props.onSelect(pressed ? undefined : cell);
                    }}
                    onKeyDown={(event) => move(event, cell)}
                  >
                    {count > 0 ? count : ''}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The map key of a cell. */
export function key(cell: HeatCell): string {
  return `${cell.likelihood}-${cell.impact}`;
}
