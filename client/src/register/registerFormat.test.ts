import { DEFAULT_RATING_BANDS, SAMPLE_GOAL, SAMPLE_RISK } from '@samverka/model';
import { describe, expect, it } from 'vitest';
import { goalProgress, reviewOverdue, riskRatings } from './registerFormat.ts';

describe('register figures', () => {
  it("computes a goal's progress as the mean of its indicators, clamped to 0–100 %", () => {
    const base = { id: 'x', name: 'n', unit: '', baseline: 0, target: 10 };
    expect(goalProgress({ ...SAMPLE_GOAL, indicators: [] })).toBeUndefined();
    expect(
      goalProgress({
        ...SAMPLE_GOAL,
        indicators: [
          { ...base, current: 5 },
          { ...base, id: 'y', current: 20 },
        ],
      }),
    ).toBe(0.75);
    expect(
      goalProgress({ ...SAMPLE_GOAL, indicators: [{ ...base, baseline: 10, target: 0, current: 8 }] }),
    ).toBeCloseTo(0.2);
    expect(goalProgress({ ...SAMPLE_GOAL, indicators: [{ ...base }] })).toBeUndefined();
  });

  it('marks reviews overdue only for risks that are not closed', () => {
    expect(reviewOverdue({ ...SAMPLE_RISK, reviewDue: '2026-01-01' }, '2026-01-02')).toBe(true);
    expect(reviewOverdue({ ...SAMPLE_RISK, reviewDue: '2026-01-02' }, '2026-01-02')).toBe(false);
    expect(reviewOverdue({ ...SAMPLE_RISK, reviewDue: '2026-01-01', status: 'closed' }, '2026-01-02')).toBe(false);
  });

  it("rates inherent and residual risk with the partnership's bands", () => {
    expect(riskRatings(SAMPLE_RISK, DEFAULT_RATING_BANDS)).toEqual({
      score: 20,
      band: 'critical',
      residual: 6,
      residualBand: 'medium',
    });
    expect(riskRatings({ ...SAMPLE_RISK, residualImpact: undefined }, { low: 6, medium: 12, high: 19 })).toEqual({
      score: 20,
      band: 'critical',
      residual: undefined,
      residualBand: undefined,
    });
  });
});
