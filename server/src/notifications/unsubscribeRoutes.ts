import { emailLinkQuerySchema, type Locale } from '@samverka/model';
import type { Context } from 'hono';
import type { AppServices } from '../appServices.ts';
import { limitFailedAttempts } from '../auth/attemptLimits.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { browserLocale, type LinkPage, linkPage } from '../mail/emailLinkPages.ts';
import { unsubscribe, unsubscribeHolder } from './unsubscribeTokens.ts';

const UNSUBSCRIBE_PATH = '/api/email/unsubscribe';

/** Mail providers POST here without an Origin (RFC 8058); the token in the URL is the only credential. */
export const CSRF_EXEMPT_PATHS = [UNSUBSCRIBE_PATH] as const;

const PAGES = {
  en: {
    ask: (email: string): LinkPage => ({
      title: 'Stop notification emails?',
      lines: [
        `${email} will get no more emails about mentions and replies.`,
        'You can turn them on again in your account settings.',
      ],
      button: 'Stop the emails',
    }),
    done: (email: string, settings: string): LinkPage => ({
      title: 'No more notification emails',
      lines: [`${email} will get no more emails about mentions and replies.`],
      next: { label: 'Notification settings', href: settings },
    }),
    dead: (): LinkPage => ({
      title: 'This link does not work any more',
      lines: ['Unsubscribe links work for 90 days. Change your notifications in your account settings instead.'],
    }),
  },
  sv: {
    ask: (email: string): LinkPage => ({
      title: 'Sluta skicka aviseringar?',
      lines: [
        `${email} får inga fler meddelanden om omnämnanden och svar.`,
        'Du kan slå på dem igen i dina kontoinställningar.',
      ],
      button: 'Sluta skicka',
    }),
    done: (email: string, settings: string): LinkPage => ({
      title: 'Inga fler aviseringar',
      lines: [`${email} får inga fler meddelanden om omnämnanden och svar.`],
      next: { label: 'Aviseringsinställningar', href: settings },
    }),
    dead: (): LinkPage => ({
      title: 'Länken fungerar inte längre',
      lines: ['Avregistreringslänkar gäller i 90 dagar. Ändra dina aviseringar i kontoinställningarna i stället.'],
    }),
  },
} satisfies Record<Locale, unknown>;

/** The unsubscribe link of every notification email: a page with one button (GET), and the one-click POST. */
export function mountUnsubscribeRoutes(router: ApiRouter, services: AppServices): void {
  const { db, config } = services;
  const tag = 'Notifications';

  /**
   * The token's holder. A wrong token counts against the caller's address, a genuine one never
   * does: one-click POSTs come from mail providers' servers, which many recipients share.
   */
  const holderOf = async (c: Context) => {
    const parsed = emailLinkQuerySchema.safeParse({ token: c.req.query('token') });
    const holder = parsed.success ? await unsubscribeHolder(db, parsed.data.token, Date.now()) : undefined;
    if (!holder) await limitFailedAttempts(c, services, 'unsubscribe');
    return holder;
  };

  router.add(
    {
      method: 'get',
      path: UNSUBSCRIBE_PATH,
      tag,
      summary: "An unsubscribe link's page: one button that stops notification emails (a GET changes nothing)",
      access: 'public',
      query: emailLinkQuerySchema,
      status: 200,
    },
    async ({ c }) => {
      const holder = await holderOf(c);
      if (!holder) return linkPage(c, browserLocale(c), PAGES[browserLocale(c)].dead(), 400);
      const locale = holder.locale ?? 'en';
      return linkPage(c, locale, PAGES[locale].ask(holder.email), 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: UNSUBSCRIBE_PATH,
      tag,
      summary:
        'Stop notification emails (the page\'s button, or a mail client\'s RFC 8058 "List-Unsubscribe=One-Click" POST)',
      access: 'public',
      query: emailLinkQuerySchema,
      status: 200,
    },
    async ({ c }) => {
      const holder = await holderOf(c);
      if (!holder) return linkPage(c, browserLocale(c), PAGES[browserLocale(c)].dead(), 400);
      await unsubscribe(db, holder.id);
      const locale = holder.locale ?? 'en';
      return linkPage(c, locale, PAGES[locale].done(holder.email, `${config.publicUrl}/account/settings`), 200);
    },
  );
}
