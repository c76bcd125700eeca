/** English text for the limits that keep one account from flooding others (loaded with the comments area: spread into `comments.en.ts`). */
export const abuseEn = {
  'error.too_many_mentions': 'This message mentions too many people. Remove some mentions and send it again.',
} as const;
