import type { abuseEn } from './abuse.en.ts';

/** Swedish text for the limits that keep one account from flooding others (spread into `comments.sv.ts`). */
export const abuseSv: Record<keyof typeof abuseEn, string> = {
  'error.too_many_mentions': 'Meddelandet nämner för många personer. Ta bort några omnämnanden och skicka igen.',
};
