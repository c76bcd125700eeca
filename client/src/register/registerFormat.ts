import type { Goal, GoalStatus, Indicator, Member, RatingBandThresholds, Risk } from '@samverka/model';
import { ratingBand, riskScore } from '@samverka/model';
import type { BadgeTone } from '../ui/index.ts';

/** A goal's progress (0–1) as the mean of its indicators' progress from baseline to target; undefined without any. */
export function goalProgress(goal: Goal): number | undefined {
  const parts = goal.indicators.flatMap((indicator) => {
    const progress = indicatorProgress(indicator);
    return progress === undefined ? [] : [progress];
  });
  if (parts.length === 0) return undefined;
  return parts.reduce((sum, part) => sum + part, 0) / parts.length;
}

function indicatorProgress(indicator: Indicator): number | undefined {
  if (indicator.current === undefined || indicator.target === indicator.baseline) return undefined;
  const share = (indicator.current - indicator.baseline) / (indicator.target - indicator.baseline);
  return Math.min(1, Math.max(0, share));
}

/** A register date (YYYY-MM-DD, a calendar day) as a local noon, so formatting never shifts it a day. */
export function calendarDay(date: string): Date {
  return new Date(`${date}T12:00:00`);
}

/** Today as YYYY-MM-DD in the person's own time zone. */
export function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Whether a risk's next review date has passed (closed risks are never overdue). */
export function reviewOverdue(risk: Risk, on = today()): boolean {
  return risk.status !== 'closed' && risk.reviewDue !== undefined && risk.reviewDue < on;
}

/** Inherent score and band, and the residual ones when both residual ratings are set. */
export function riskRatings(risk: Risk, bands: RatingBandThresholds) {
  const score = riskScore(risk.likelihood, risk.impact);
  const residual =
    risk.residualLikelihood !== undefined && risk.residualImpact !== undefined
      ? riskScore(risk.residualLikelihood, risk.residualImpact)
      : undefined;
  return {
    score,
    band: ratingBand(score, bands),
    residual,
    residualBand: residual === undefined ? undefined : ratingBand(residual, bands),
  };
}

/** A member's name for an owner id (an id left behind by a removed member shows as itself). */
export function memberName(members: Member[], userId: string | undefined): string {
  if (!userId) return '';
  return members.find((member) => member.userId === userId)?.name ?? userId;
}

/** The badge tone of a goal's status (the status word is always shown with it). */
export const GOAL_STATUS_TONE: Record<GoalStatus, BadgeTone> = {
  'not-started': 'neutral',
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'danger',
  done: 'info',
};
