import type { Transporter } from 'nodemailer';
import type { MailConfig } from '../config.ts';
import type { Logger } from '../logger.ts';

/** What kinds of email the service sends; logged with each one. */
export type EmailKind = 'invitation' | 'password_reset' | 'email_verification' | 'notification' | 'digest';

/** One email, already written in its recipient's language, as plain text and HTML. */
export interface OutgoingEmail {
  kind: EmailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the email is about. Its token is a secret: it is masked wherever it is logged. */
  link: string;
  /** Notification emails: the one-click unsubscribe URL (RFC 8058), sent as `List-Unsubscribe` headers. */
  unsubscribe?: string;
}

/** The one way the server sends email. */
export interface Mailer {
  /** Whether email really leaves (SMTP configured), so answers can say "sent". */
  readonly delivers: boolean;
  /** Sends and waits; throws when the SMTP server refuses. */
  send(email: OutgoingEmail): Promise<void>;
  /**
   * Sends without making the caller wait: a slow or failing SMTP server must not slow a request,
   * nor reveal by timing whether an account exists (password reset). Failures are logged.
   */
  sendInBackground(email: OutgoingEmail): void;
}

/**
 * Through SMTP when `SMTP_URL` is set; otherwise each email is logged (kind, subject and
 * the link with its token masked) at info level, so a pilot without mail still sees what
 * would have gone out. Tokens never reach the log: an operator resets a password with
 * `pnpm samverka user:reset-password`, and an invitation link is copied from the page.
 */
export function createMailer(config: MailConfig, log: Logger): Mailer {
  const { smtpUrl } = config;
  // nodemailer loads with the first email, not at start-up (docs/benchmarks.md, "Idle server").
  let transport: Promise<Transporter> | undefined;
  const connect = (url: string) => {
    transport ??= import('nodemailer').then(({ createTransport }) => createTransport(url));
    // A failed load is not kept: the next email tries again instead of failing until a restart.
    transport.catch(() => {
      transport = undefined;
    });
    return transport;
  };
  const send = async (email: OutgoingEmail) => {
    const facts = { kind: email.kind, subject: email.subject, link: maskedLink(email.link) };
    if (!smtpUrl) {
      log.info(facts, 'email not sent: SMTP_URL is not set');
      return;
    }
    await (await connect(smtpUrl)).sendMail({
      from: config.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      ...(email.unsubscribe
        ? {
            headers: {
              'List-Unsubscribe': `<${email.unsubscribe}>`,
              // RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` to the URL, no page in between.
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          }
        : {}),
    });
    log.info({ kind: email.kind, subject: email.subject }, 'email sent');
  };
  return {
    delivers: smtpUrl !== undefined,
    send,
    sendInBackground(email) {
      send(email).catch((error: unknown) =>
        log.error({ kind: email.kind, err: error instanceof Error ? error.message : String(error) }, 'email failed'),
      );
    },
  };
}

/** The link without its fragment or query, and with every long path segment (a token) masked. */
export function maskedLink(link: string): string {
  const url = new URL(link);
  const path = url.pathname
    .split('/')
    .map((segment) => (segment.length >= 16 ? '[redacted]' : segment))
    .join('/');
  return `${url.origin}${path}${url.hash ? '#[redacted]' : ''}`;
}
