import type { DashboardSlot } from './dashboardSlot.ts';

/** Dashboard slot: The top risks from the register's heat map. Filled by its feature's branch; null hides the panel. */
export const TopRisksSlot: DashboardSlot = null;
