import type { DashboardSlot } from './dashboardSlot.ts';

/** Dashboard slot: Goal status counts (on track / at risk / …) from the register. Filled by its feature's branch; null hides the panel. */
export const GoalCountsSlot: DashboardSlot = null;
