import { OpenThreadsSummary } from '../../../comments/OpenThreadsSummary.tsx';
import type { DashboardSlot } from './dashboardSlot.ts';

/** Dashboard slot: open comment threads across the partnership (comments feature). */
export const OpenThreadsSlot: DashboardSlot = OpenThreadsSummary;
