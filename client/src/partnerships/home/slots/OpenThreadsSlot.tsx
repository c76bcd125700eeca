import type { DashboardSlot } from './dashboardSlot.ts';

/** Dashboard slot: Open comment threads across the partnership. Filled by its feature's branch; null hides the panel. */
export const OpenThreadsSlot: DashboardSlot = null;
