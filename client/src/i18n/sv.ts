import type { MessageKey } from './en.ts';

/** Swedish UI text. */
export const sv: Record<MessageKey, string> = {
  'app.name': 'Samverka',
  'app.tagline': 'En gemensam arbetsyta för strategiska partnerskap mellan ett lärosäte och dess partner.',
  'nav.home': 'Start',
  'nav.skipToContent': 'Hoppa till innehållet',
  'language.label': 'Språk',
  'identity.nameLabel': 'Ditt namn, så som andra ser det',
  'identity.namePlaceholder': 't.ex. Anna Lind',
  'home.heading': 'Partnerskapets arbetsyta',
  'home.intro':
    'Forma partnerskapet tillsammans: canvasen och det gemensamma strategidokumentet uppdateras direkt för alla.',
  'home.openCanvas': 'Öppna partnerskapscanvasen',
  'home.openDocument': 'Öppna det gemensamma strategidokumentet',
  'canvas.title': 'Partnerskapscanvas',
  'document.title': 'Gemensamt strategidokument',
  'document.editorLabel': 'Dokumentets text',
  'presence.here': 'Här nu',
  'presence.you': '{name} (du)',
  'connection.connected': 'Ansluten',
  'connection.connecting': 'Ansluter…',
  'connection.offline': 'Frånkopplad: ändringar sparas och skickas när anslutningen är tillbaka',
  loading: 'Laddar…',
  'notFound.heading': 'Sidan finns inte',
  'notFound.back': 'Tillbaka till startsidan',
  'connection.reconnecting': 'Återansluter…',
  'connection.unsent':
    'Frånkopplad med osända ändringar: de sparas i webbläsaren och skickas när anslutningen är tillbaka',
  'canvas.readOnly': 'Endast visning',
  'canvas.newerSchema':
    'Tavlan har sparats av en nyare version av Samverka. Ladda om sidan för att fortsätta redigera; till dess sparas inte dina ändringar.',
  'canvas.reload': 'Ladda om',
  'canvas.exportPng': 'Exportera PNG',
  'canvas.exportSvg': 'Exportera SVG',
  'canvas.exportFailed': 'Exporten misslyckades. Försök igen.',
  'canvas.follow': 'Följ {name}s vy',
  'canvas.following': 'Du följer {name}. Klicka igen för att sluta.',
  'presence.side.university': 'Lärosätet',
  'presence.side.partner': 'Partnern',
};
