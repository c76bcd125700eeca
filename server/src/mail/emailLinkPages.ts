import type { Locale } from '@samverka/model';
import type { Context } from 'hono';
import { escapeHtml } from './emailTemplates.ts';

/** A small page answering an emailed link (verify an address, unsubscribe): no script, both themes. */
export interface LinkPage {
  title: string;
  lines: string[];
  /** A form that POSTs back to the same URL (the token stays in its query). */
  button?: string;
  /** A link onwards, e.g. to the app or the account settings. */
  next?: { label: string; href: string };
}

/** The page in `locale`; `status` as the outcome deserves (400 for a dead link). */
export function linkPage(c: Context, locale: Locale, page: LinkPage, status: 200 | 400): Response {
  const lines = page.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const form = page.button
    ? `<form method="post"><button type="submit">${escapeHtml(page.button)}</button></form>`
    : '';
  const next = page.next ? `<p><a href="${escapeHtml(page.next.href)}">${escapeHtml(page.next.label)}</a></p>` : '';
  c.header('Cache-Control', 'no-store');
  // The URL holds a token: it must not travel onwards in a Referer.
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(
    `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(page.title)} · Samverka</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; color: #1d2330; background: #ffffff; }
button { font: inherit; padding: 0.5rem 1rem; border: 0; border-radius: 4px; background: #1f4f8a; color: #ffffff; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 3px solid #6ea8fe; outline-offset: 2px; }
a { color: #1f4f8a; }
@media (prefers-color-scheme: dark) { body { color: #e6e9ef; background: #14171d; } a { color: #8ab4f8; } }
</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
${lines}
${form}
${next}
</body>
</html>
`,
    status,
  );
}

/** The language of a page whose token did not name a person: the browser's first choice. */
export function browserLocale(c: Context): Locale {
  return (c.req.header('accept-language') ?? '').trim().toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
