import type { notificationsEn } from './notifications.en.ts';

/** Swedish text for notification settings and email verification (the `notifications` area, areas.ts). */
export const notificationsSv: Record<keyof typeof notificationsEn, string> = {
  'notifications.title': 'Aviseringar via e-post',
  'notifications.intro':
    'När någon nämner dig, eller svarar i en tråd där du har skrivit, kan vi berätta det för dig via e-post.',
  'notifications.legend': 'Skicka',
  'notifications.mode.immediate': 'Ett meddelande för varje',
  'notifications.mode.immediate.hint': 'Direkt när meddelandet har skrivits.',
  'notifications.mode.digest': 'En daglig sammanfattning',
  'notifications.mode.digest.hint': 'Allt från det senaste dygnet i ett meddelande, på morgonen.',
  'notifications.mode.off': 'Inga aviseringar via e-post',
  'notifications.mode.off.hint': 'Du ser fortfarande omnämnanden och svar i din inkorg här.',
  'notifications.saved': 'Aviseringsinställningarna är sparade.',
  'notifications.unverified':
    'Bekräfta din e-postadress för att få aviseringar och kunna skapa partnerskap: öppna länken vi skickade till {email}.',
  'notifications.resend': 'Skicka länken igen',
  'notifications.resent': 'Vi har skickat en ny länk till {email}.',
  'error.email_unverified':
    'Bekräfta din e-postadress först: öppna länken vi skickade, eller skicka den igen från din kontosida.',
};
