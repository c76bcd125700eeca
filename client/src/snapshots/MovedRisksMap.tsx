import { type RatingBandThresholds, type RiskMove, ratingBand, riskScore } from '@samverka/model';
import { useI18n } from '../i18n/i18n.tsx';
import '../register/register.css';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** A cell's centre in the map's own units (likelihood across, impact up; one unit per cell). */
function centre(cell: { likelihood: number; impact: number }, offset: number) {
  return { x: cell.likelihood - 0.5 + offset, y: 5 - cell.impact + 0.5 + offset };
}

/**
 * The before/after heat map: the 5×5 grid in its rating bands, each moved risk an
 * arrow from where it was to where it is, numbered as in the list beside it (the
 * list says the same in words, for screen readers and print).
 */
export function MovedRisksMap({ moves, bands }: { moves: RiskMove[]; bands: RatingBandThresholds }) {
  const { t } = useI18n();
  return (
    <div className="moved-risks">
      <div className="moved-risks-map" data-testid="moved-risks-map">
        <div className="moved-risks-grid" aria-hidden="true">
          {[...LEVELS]
            .reverse()
            .flatMap((impact) =>
              LEVELS.map((likelihood) => (
                <div
                  key={`${likelihood}-${impact}`}
                  className={`moved-risks-cell band-${ratingBand(riskScore(likelihood, impact), bands)}`}
                />
              )),
            )}
        </div>
        <svg className="moved-risks-arrows" viewBox="0 0 5 5" aria-hidden="true">
          <defs>
            <marker
              id="moved-risk-head"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="5"
              markerHeight="5"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="moved-risks-head" />
            </marker>
          </defs>
          {moves.map((move, index) => {
            // Arrows between the same cells would overlap; each is nudged a little.
            const offset = ((index % 5) - 2) * 0.08;
            const from = centre(move.before, offset);
            const to = centre(move.after, offset);
            return (
              <g key={move.id}>
                <circle cx={from.x} cy={from.y} r="0.16" className="moved-risks-from" />
                <line
                  x1={from.x}
                  y1={from.y}
                  x2={to.x}
                  y2={to.y}
                  className="moved-risks-line"
                  markerEnd="url(#moved-risk-head)"
                />
                <text x={from.x} y={from.y + 0.055} className="moved-risks-number" textAnchor="middle">
                  {index + 1}
                </text>
              </g>
            );
          })}
        </svg>
        <span className="moved-risks-axis moved-risks-axis--x">{t('risk.likelihood')} →</span>
        <span className="moved-risks-axis moved-risks-axis--y">{t('risk.impact')} →</span>
      </div>
      <ol className="moved-risks-list">
        {moves.map((move) => (
          <li key={move.id}>
            <strong>{move.title}</strong>{' '}
            {t('compare.moved', {
              fromL: move.before.likelihood,
              fromI: move.before.impact,
              toL: move.after.likelihood,
              toI: move.after.impact,
            })}
          </li>
        ))}
      </ol>
    </div>
  );
}
