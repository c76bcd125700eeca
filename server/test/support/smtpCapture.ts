import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One email as the SMTP server received it, with its parts decoded. */
export interface CapturedEmail {
  to: string[];
  raw: string;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on a free port that keeps every message it is given. */
export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>` for `SMTP_URL`. */
  url: string;
  messages: CapturedEmail[];
  /** From now on the server refuses mail to `address` (550), as for a mailbox that is gone. */
  refuse(address: string): void;
  /** The first message (already received or still to come) to `address` that `accept` takes (default: any). */
  next(address: string, accept?: (email: CapturedEmail) => boolean): Promise<CapturedEmail>;
  stop(): Promise<void>;
}

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedEmail[] = [];
  type Accept = (email: CapturedEmail) => boolean;
  const waiters: { address: string; accept: Accept; resolve(email: CapturedEmail): void }[] = [];
  const taken = new Set<CapturedEmail>();
  const refused = new Set<string>();
  const claim = (address: string, accept: Accept): CapturedEmail | undefined => {
    const found = messages.find((email) => !taken.has(email) && email.to.includes(address) && accept(email));
    if (found) taken.add(found);
    return found;
  };
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to offer, so no STARTTLS either.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      const error = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const email = parseEmail(
          raw,
          session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
        );
        messages.push(email);
        for (const waiter of [...waiters]) {
          const found = claim(waiter.address, waiter.accept);
          if (found) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(found);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuse: (address) => refused.add(address.toLowerCase()),
    next(address, accept = () => true) {
      const found = claim(address.toLowerCase(), accept);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ address: address.toLowerCase(), accept, resolve }));
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for our own emails: headers, one multipart/alternative, QP or base64 parts. */
function parseEmail(raw: string, to: string[]): CapturedEmail {
  const [head = '', body = ''] = splitOnce(raw, '\r\n\r\n');
  const headers = unfold(head);
  const subject = decodeWords(headerValue(headers, 'subject'));
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headerValue(headers, 'content-type'))?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  let text = '';
  let html = '';
  for (const part of parts) {
    const [partHead = '', partBody = ''] = splitOnce(part.replace(/^\r\n/, ''), '\r\n\r\n');
    const partHeaders = unfold(partHead);
    const decoded = decodeBody(partBody, headerValue(partHeaders, 'content-transfer-encoding'));
    const type = headerValue(partHeaders, 'content-type');
    if (type.startsWith('text/plain')) text = decoded;
    if (type.startsWith('text/html')) html = decoded;
  }
  return { to, raw, subject, text, html };
}

function splitOnce(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + separator.length)];
}

function unfold(head: string): string[] {
  return head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
}

function headerValue(headers: string[], name: string): string {
  const line = headers.find((header) => header.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

function decodeBody(body: string, encoding: string): string {
  const kind = encoding.toLowerCase();
  if (kind === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (kind === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const joined = value.replace(/=\r\n/g, '');
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}
