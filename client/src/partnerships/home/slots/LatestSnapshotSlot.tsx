import { LatestSnapshot } from '../../../snapshots/LatestSnapshot.tsx';
import type { DashboardSlot } from './dashboardSlot.ts';

/** Dashboard slot: the latest snapshot with its acknowledgements (snapshots feature). */
export const LatestSnapshotSlot: DashboardSlot = LatestSnapshot;
