import type { Locale } from '@samverka/model';
import type { accountEn } from './account.en.ts';
import type { commentsEn } from './comments.en.ts';
import type { coreEn } from './core.en.ts';
import type { editorsEn } from './editors.en.ts';
import type { membersEn } from './members.en.ts';
import type { notificationsEn } from './notifications.en.ts';
import type { registerEn } from './register.en.ts';
import type { snapshotsEn } from './snapshots.en.ts';
import type { workspaceEn } from './workspace.en.ts';

/**
 * The UI text, one catalogue per area of the app and language, each its own chunk. The sign-in
 * page downloads only `core` (the shell and signing in); every other area comes with the code of
 * the routes that show it (App.tsx), so text added to an area costs only the pages that use it.
 */
interface EnglishAreas {
  core: typeof coreEn;
  workspace: typeof workspaceEn;
  account: typeof accountEn;
  editors: typeof editorsEn;
  register: typeof registerEn;
  snapshots: typeof snapshotsEn;
  comments: typeof commentsEn;
  members: typeof membersEn;
  notifications: typeof notificationsEn;
}

export type Area = keyof EnglishAreas;

/** Every key of every area: `t` takes only these, so a misspelt key fails the type check. */
export type MessageKey = { [A in Area]: keyof EnglishAreas[A] }[Area];

type AreaText<A extends Area> = Record<keyof EnglishAreas[A], string>;

/** How to fetch each area's text in each language (the type makes every language cover every key). */
export const AREA_LOADERS: { [A in Area]: Record<Locale, () => Promise<AreaText<A>>> } = {
  core: {
    en: async () => (await import('./core.en.ts')).coreEn,
    sv: async () => (await import('./core.sv.ts')).coreSv,
  },
  workspace: {
    en: async () => (await import('./workspace.en.ts')).workspaceEn,
    sv: async () => (await import('./workspace.sv.ts')).workspaceSv,
  },
  account: {
    en: async () => (await import('./account.en.ts')).accountEn,
    sv: async () => (await import('./account.sv.ts')).accountSv,
  },
  editors: {
    en: async () => (await import('./editors.en.ts')).editorsEn,
    sv: async () => (await import('./editors.sv.ts')).editorsSv,
  },
  register: {
    en: async () => (await import('./register.en.ts')).registerEn,
    sv: async () => (await import('./register.sv.ts')).registerSv,
  },
  snapshots: {
    en: async () => (await import('./snapshots.en.ts')).snapshotsEn,
    sv: async () => (await import('./snapshots.sv.ts')).snapshotsSv,
  },
  comments: {
    en: async () => (await import('./comments.en.ts')).commentsEn,
    sv: async () => (await import('./comments.sv.ts')).commentsSv,
  },
  members: {
    en: async () => (await import('./members.en.ts')).membersEn,
    sv: async () => (await import('./members.sv.ts')).membersSv,
  },
  notifications: {
    en: async () => (await import('./notifications.en.ts')).notificationsEn,
    sv: async () => (await import('./notifications.sv.ts')).notificationsSv,
  },
};

export const AREAS = Object.keys(AREA_LOADERS) as Area[];
