import { emailLinkQuerySchema, type Locale } from '@samverka/model';
import type { Context } from 'hono';
import type { AppServices } from '../appServices.ts';
import type { ApiRouter } from '../http/apiRouter.ts';
import { browserLocale, type LinkPage, linkPage } from '../mail/emailLinkPages.ts';
import { limitAttempts } from './attemptLimits.ts';
import { sendVerification, verificationHolder, verifyEmail } from './emailVerification.ts';

const PAGES = {
  en: {
    ask: (email: string): LinkPage => ({
      title: 'Confirm your email address',
      lines: [`Confirm that ${email} is your address.`],
      button: 'Confirm',
    }),
    done: (home: string): LinkPage => ({
      title: 'Your address is confirmed',
      lines: ['You can now create partnerships and get notification emails.'],
      next: { label: 'Open Samverka', href: home },
    }),
    dead: (): LinkPage => ({
      title: 'This link does not work any more',
      lines: [
        'It was used already, is more than a day old, or was sent to an address the account no longer has.',
        'Sign in and ask for a new link in your account settings.',
      ],
    }),
  },
  sv: {
    ask: (email: string): LinkPage => ({
      title: 'Bekräfta din e-postadress',
      lines: [`Bekräfta att ${email} är din adress.`],
      button: 'Bekräfta',
    }),
    done: (home: string): LinkPage => ({
      title: 'Din adress är bekräftad',
      lines: ['Nu kan du skapa partnerskap och få aviseringar via e-post.'],
      next: { label: 'Öppna Samverka', href: home },
    }),
    dead: (): LinkPage => ({
      title: 'Länken fungerar inte längre',
      lines: [
        'Den har redan använts, är äldre än ett dygn eller skickades till en adress som kontot inte längre har.',
        'Logga in och be om en ny länk i dina kontoinställningar.',
      ],
    }),
  },
} satisfies Record<Locale, unknown>;

/** Email address verification: the emailed link's page and its confirmation, and "send the link again". */
export function mountEmailVerificationRoutes(router: ApiRouter, services: AppServices): void {
  const { db, config, mailer } = services;
  const tag = 'Accounts';
  const tokenOf = (c: Context) => {
    const parsed = emailLinkQuerySchema.safeParse({ token: c.req.query('token') });
    return parsed.success ? parsed.data.token : undefined;
  };

  router.add(
    {
      method: 'get',
      path: '/api/email/verify',
      tag,
      summary: "A verification link's page: one button that confirms the address (a GET changes nothing)",
      access: 'public',
      query: emailLinkQuerySchema,
      status: 200,
    },
    async ({ c }) => {
      const token = tokenOf(c);
      const holder = token ? await verificationHolder(db, token) : undefined;
      if (!holder) return linkPage(c, browserLocale(c), PAGES[browserLocale(c)].dead(), 400);
      const locale = holder.locale ?? 'en';
      return linkPage(c, locale, PAGES[locale].ask(holder.email), 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/email/verify',
      tag,
      summary: "Confirm the account's email address with the emailed token (once, within a day)",
      access: 'public',
      query: emailLinkQuerySchema,
      status: 200,
    },
    async ({ c }) => {
      await limitAttempts(c, services, 'verify-email', undefined);
      const token = tokenOf(c);
      const holder = token ? await verificationHolder(db, token) : undefined;
      if (!token || !holder || !(await verifyEmail(db, token))) {
        return linkPage(c, browserLocale(c), PAGES[browserLocale(c)].dead(), 400);
      }
      const locale = holder.locale ?? 'en';
      return linkPage(c, locale, PAGES[locale].done(`${config.publicUrl}/`), 200);
    },
  );

  router.add(
    {
      method: 'post',
      path: '/api/auth/verify-email/resend',
      tag,
      summary: 'Email a new verification link to the signed-in person (nothing when already confirmed)',
      access: 'signedIn',
      status: 204,
    },
    async ({ c, identity }) => {
      const { user } = identity.auth;
      await limitAttempts(c, services, 'verify-resend', `user:${user.id}`);
      if (user.email_verified_at == null) await sendVerification(db, mailer, config.publicUrl, user);
      return c.body(null, 204);
    },
  );
}
