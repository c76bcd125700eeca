import type { accountEn } from './account.en.ts';

/** Swedish text for the account pages: your data, sessions and password. */
export const accountSv: Record<keyof typeof accountEn, string> = {
  'sessions.ended.one': '{count} annan session avslutades.',
  'sessions.ended.other': '{count} andra sessioner avslutades.',
  'sessions.endOthersTitle': 'Logga ut på alla andra enheter?',
  'account.heading': 'Dina uppgifter och ditt konto',
  'account.dataTitle': 'Dina uppgifter',
  'account.dataIntro':
    'Ladda ner allt Samverka sparar om dig som en JSON-fil: ditt konto, dina inloggningar och medlemskap, dokument och filer du har lagt till och vad du har gjort. Innehållet i delade dokument tillhör partnerskapen och exporteras från dokumenten.',
  'account.download': 'Ladda ner mina uppgifter',
  'account.deleteTitle': 'Radera ditt konto',
  'account.deleteIntro':
    'Ditt konto, dina inloggningar och medlemskap tas bort. Det du har skrivit eller lagt till i ett partnerskap finns kvar och visas som från en tidigare medlem. Är du ensam ägare av ett partnerskap måste du först göra någon annan till ägare.',
  'account.deletePassword': 'Ditt lösenord, för att bekräfta',
  'account.delete': 'Radera mitt konto',
  'account.deleteConfirmTitle': 'Radera ditt konto för gott?',
  'account.deleteConfirmBody': 'Kontot {email} raderas direkt och kan inte återställas.',
  'account.deleted': 'Ditt konto har raderats.',
  'sessions.heading': 'Dina sessioner',
  'sessions.current': 'Den här webbläsaren',
  'sessions.lastSeen': 'Senast aktiv {date}',
  'sessions.endOthers': 'Logga ut överallt annars',
  'sessions.changePassword': 'Byt lösenord',
  'sessions.currentPassword': 'Nuvarande lösenord',
  'sessions.newPassword': 'Nytt lösenord',
  'sessions.passwordChanged': 'Lösenordet är bytt. Andra sessioner loggades ut.',
};
