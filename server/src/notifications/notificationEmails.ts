import type { Locale, NotificationKind } from '@samverka/model';
import { escapeHtml, type WrittenEmail } from '../mail/emailTemplates.ts';

/** One message a person is told about: who wrote what, where, and the link that opens the thread. */
export interface NotificationItem {
  kind: NotificationKind;
  authorName: string;
  partnershipName: string;
  /** The message's text with mentions shown as `@Name`, cut to a readable length. */
  excerpt: string;
  link: string;
}

/** Links every notification email ends with. */
export interface NotificationFooterLinks {
  unsubscribe: string;
  settings: string;
}

const WORDS = {
  en: {
    mention: (item: NotificationItem) => `${item.authorName} mentioned you in ${item.partnershipName}`,
    reply: (item: NotificationItem) => `${item.authorName} replied in a thread of yours in ${item.partnershipName}`,
    open: 'Open the thread',
    digestSubject: (count: number) =>
      count === 1 ? 'Samverka: 1 new message for you today' : `Samverka: ${count} new messages for you today`,
    digestIntro: 'Here is what happened in your partnerships since the last digest:',
    why: 'You get these emails because of your notification settings in Samverka.',
    unsubscribe: 'Stop these emails',
    settings: 'Change how often',
  },
  sv: {
    mention: (item: NotificationItem) => `${item.authorName} nämnde dig i ${item.partnershipName}`,
    reply: (item: NotificationItem) => `${item.authorName} svarade i en av dina trådar i ${item.partnershipName}`,
    open: 'Öppna tråden',
    digestSubject: (count: number) =>
      count === 1 ? 'Samverka: 1 nytt meddelande till dig i dag' : `Samverka: ${count} nya meddelanden till dig i dag`,
    digestIntro: 'Det här har hänt i dina partnerskap sedan förra sammanfattningen:',
    why: 'Du får de här meddelandena på grund av dina aviseringsinställningar i Samverka.',
    unsubscribe: 'Sluta skicka de här meddelandena',
    settings: 'Ändra hur ofta',
  },
} as const;

/** One email for one mention or reply, in the recipient's language. */
export function notificationEmail(
  locale: Locale,
  item: NotificationItem,
  links: NotificationFooterLinks,
): WrittenEmail {
  const words = WORDS[locale];
  const headline = words[item.kind](item);
  return render(locale, { subject: headline, intro: headline, headlines: false }, [item], links);
}

/** The day's digest: every pending mention and reply of one person in one email. */
export function digestEmail(
  locale: Locale,
  items: readonly NotificationItem[],
  links: NotificationFooterLinks,
): WrittenEmail {
  const words = WORDS[locale];
  return render(
    locale,
    { subject: words.digestSubject(items.length), intro: words.digestIntro, headlines: true },
    items,
    links,
  );
}

/** Plain text and HTML from the same words; every value is escaped in the HTML. */
function render(
  locale: Locale,
  { subject, intro, headlines }: { subject: string; intro: string; headlines: boolean },
  items: readonly NotificationItem[],
  links: NotificationFooterLinks,
): WrittenEmail {
  const words = WORDS[locale];
  const textItems = items.map((item) =>
    [...(headlines ? [words[item.kind](item)] : []), quote(item.excerpt), `${words.open}: ${item.link}`].join('\n'),
  );
  const text = [
    intro,
    '',
    textItems.join('\n\n'),
    '',
    '--',
    words.why,
    `${words.settings}: ${links.settings}`,
    `${words.unsubscribe}: ${links.unsubscribe}`,
    '',
  ].join('\n');
  const htmlItems = items
    .map(
      (item) => `<div style="margin: 1rem 0;">
${!headlines ? '' : `<p style="margin: 0;"><strong>${escapeHtml(words[item.kind](item))}</strong></p>\n`}<blockquote style="margin: 0.25rem 0; padding-left: 0.75rem; border-left: 3px solid #c8cdd6;">${escapeHtml(item.excerpt)}</blockquote>
<p style="margin: 0.25rem 0;"><a href="${escapeHtml(item.link)}">${escapeHtml(words.open)}</a></p>
</div>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2330; max-width: 36rem;">
<p>${escapeHtml(intro)}</p>
${htmlItems}
<hr>
<p style="font-size: 0.875rem; color: #5a6272;">${escapeHtml(words.why)}<br>
<a href="${escapeHtml(links.settings)}">${escapeHtml(words.settings)}</a> · <a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(words.unsubscribe)}</a></p>
</body>
</html>
`;
  return { subject, text, html };
}

function quote(excerpt: string): string {
  return excerpt
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}
