import type { ComponentType } from 'react';

/**
 * A dashboard slot filled by another feature (register, comments, snapshots).
 * `null` hides the slot's panel; the feature replaces the `null` in its slot file.
 */
export type DashboardSlot = ComponentType<{ partnershipId: string }> | null;
