// biome-ignore-all lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them
import type { Locale, Side } from '@samverka/model';
import { ApiClient, type TestPartnership } from './apiClient.ts';
import type { CapturedEmail, SmtpCapture } from './smtpCapture.ts';

const PASSWORD = 'correct horse battery staple';

/** People made on a server that sends email: each confirmed their address through the emailed link. */
export interface ConfirmedPerson {
  client: ApiClient;
  userId: string;
  email: string;
}

export const isVerificationEmail = (email: CapturedEmail) => email.text.includes('/api/email/verify?token=');
/** Notification emails (one message, or the digest) are the ones with an unsubscribe header. */
export const isNotificationEmail = (email: CapturedEmail) => /^List-Unsubscribe-Post:/im.test(email.raw);

/** The first link in an email's plain text. */
export function firstLink(text: string): string {
  const match = /(https?:\/\/\S+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in ${text}`);
  return match[1];
}

/** A link's `token` query parameter. */
export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** The URL of an email's `List-Unsubscribe` header. */
export function unsubscribeHeader(email: CapturedEmail): string {
  const match = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(email.raw.replace(/\r\n[ \t]+/g, ' '));
  if (!match?.[1]) throw new Error('no List-Unsubscribe header');
  return match[1];
}

let people = 0;

/**
 * Signs a person up, takes the verification email from the SMTP capture and confirms the
 * address with its link (the page's POST). `tokens` collects the secret it saw.
 */
export async function signUpConfirmed(
  base: string,
  smtp: SmtpCapture,
  options: { name: string; locale?: Locale; email?: string; tokens?: string[] },
): Promise<ConfirmedPerson> {
  people += 1;
  const email =
    options.email ?? `${options.name.toLowerCase().replace(/[^a-z0-9]/g, '')}-${people}-${Date.now()}@uni.example`;
  const client = new ApiClient(base);
  const answer = await client.post('/api/auth/signup', {
    email,
    password: PASSWORD,
    name: options.name,
    locale: options.locale ?? 'en',
  });
  if (answer.status !== 201) throw new Error(`sign-up failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  const verification = await smtp.next(email, isVerificationEmail);
  const link = firstLink(verification.text);
  options.tokens?.push(tokenOf(link));
  const confirmed = await client.post(new URL(link).pathname + new URL(link).search);
  if (confirmed.status !== 200) throw new Error(`confirming failed: ${confirmed.status}`);
  return { client, userId: answer.body.user.id, email };
}

/** A confirmed owner and their partnership. */
export async function confirmedPartnership(
  base: string,
  smtp: SmtpCapture,
  options: { name: string; locale?: Locale; tokens?: string[] },
): Promise<TestPartnership> {
  const owner = await signUpConfirmed(base, smtp, options);
  const created = await owner.client.post('/api/partnerships', {
    name: `${options.name}'s partnership`,
    universityName: 'Uppsala University',
    partnerName: 'Acme AB',
    side: 'university',
  });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { id: created.body.partnership.id, owner, canvasId: '', registerId: '' };
}

/** A confirmed person invited with `role` who accepted. */
export async function addConfirmedMember(
  p: TestPartnership,
  base: string,
  smtp: SmtpCapture,
  options: { name: string; role: string; locale?: Locale; side?: Side; tokens?: string[] },
): Promise<ConfirmedPerson> {
  const person = await signUpConfirmed(base, smtp, options);
  const invited = await p.owner.client.post(`/api/partnerships/${p.id}/invitations`, {
    email: person.email,
    role: options.role,
    side: options.side ?? 'partner',
  });
  if (invited.status !== 201) throw new Error(`invite failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = (invited.body.url as string).split('/').pop() as string;
  options.tokens?.push(token);
  const accepted = await person.client.post(`/api/invitations/${token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return person;
}
