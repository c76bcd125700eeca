import type { DashboardSlot } from './dashboardSlot.ts';

/** Dashboard slot: The latest snapshot with its acknowledgements. Filled by its feature's branch; null hides the panel. */
export const LatestSnapshotSlot: DashboardSlot = null;
