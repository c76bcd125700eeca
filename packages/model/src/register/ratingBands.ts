import { z } from 'zod';

export const RATING_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RatingBand = (typeof RATING_BANDS)[number];

/**
 * Highest score (likelihood × impact, 1–25) of each band below critical; above
 * `high` is critical. Sources disagree, so each partnership may set its own.
 */
export const ratingBandThresholdsSchema = z
  .strictObject({
    low: z.number().int().min(1).max(24),
    medium: z.number().int().min(1).max(24),
    high: z.number().int().min(1).max(24),
  })
  .refine((t) => t.low < t.medium && t.medium < t.high, 'thresholds must rise: low < medium < high');
export type RatingBandThresholds = z.infer<typeof ratingBandThresholdsSchema>;

/** The domain notes' example: 1–4 low, 5–9 medium, 10–15 high, 16–25 critical. */
export const DEFAULT_RATING_BANDS: RatingBandThresholds = { low: 4, medium: 9, high: 15 };

/** A risk's score: likelihood × impact. */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** The band a score falls in under the given thresholds. */
export function ratingBand(score: number, thresholds: RatingBandThresholds = DEFAULT_RATING_BANDS): RatingBand {
  if (score <= thresholds.low) return 'low';
  if (score <= thresholds.medium) return 'medium';
  if (score <= thresholds.high) return 'high';
  return 'critical';
}
