/** The four roles a partnership member can hold, most rights first. */
export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Lifecycle phases of a partnership (see the domain notes). */
export const LIFECYCLE_PHASES = [
  'exploring',
  'establishing',
  'active',
  'evaluating',
  'renewing',
  'phasing_out',
] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];

/** Languages a partnership's seeded templates can be written in. */
export const PARTNERSHIP_LANGUAGES = ['sv', 'en'] as const;
export type PartnershipLanguage = (typeof PARTNERSHIP_LANGUAGES)[number];

/** A partnership term shorter than this many years gets a warning (domain guidance). */
export const RECOMMENDED_MIN_TERM_YEARS = 5;
