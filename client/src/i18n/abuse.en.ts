/** English text for the limits that keep one account from flooding others (spread into `en.ts`). */
export const abuseEn = {
  'error.too_many_mentions': 'This message mentions too many people. Remove some mentions and send it again.',
} as const;
