/** English UI text. Every key here must exist in every other catalogue (the type checks it). */
export const en = {
  'app.name': 'Samverka',
  'app.tagline': 'A shared workspace for strategic partnerships between a university and its partner.',
  'nav.home': 'Home',
  'nav.skipToContent': 'Skip to content',
  'language.label': 'Language',
  'identity.nameLabel': 'Your name, as collaborators see it',
  'identity.namePlaceholder': 'e.g. Anna Lind',
  'home.heading': 'Partnership workspace',
  'home.intro': 'Shape the partnership together: the canvas and the joint strategy document update live for everyone.',
  'home.openCanvas': 'Open the partnership canvas',
  'home.openDocument': 'Open the joint strategy document',
  'canvas.title': 'Partnership canvas',
  'document.title': 'Joint strategy document',
  'document.editorLabel': 'Document text',
  'presence.here': 'Here now',
  'presence.you': '{name} (you)',
  'connection.connected': 'Connected',
  'connection.connecting': 'Connecting…',
  'connection.offline': 'Offline: changes are kept and sent when the connection returns',
  loading: 'Loading…',
  'notFound.heading': 'Page not found',
  'notFound.back': 'Back to the start page',
} as const;

export type MessageKey = keyof typeof en;
