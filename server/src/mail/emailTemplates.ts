import type { Locale, Role } from '@samverka/model';

/** An email's words: subject, greeting, the lines of its body, the button's label, and a closing note. */
interface EmailWords {
  subject: string;
  lines: string[];
  action: string;
  footer: string;
}

export interface WrittenEmail {
  subject: string;
  text: string;
  html: string;
}

const ROLE_NAMES: Record<Locale, Record<Role, string>> = {
  en: { owner: 'owner', editor: 'editor', commenter: 'commenter', viewer: 'viewer' },
  sv: { owner: 'ägare', editor: 'redaktör', commenter: 'kommentator', viewer: 'läsare' },
};

export interface InvitationFacts {
  partnershipName: string;
  inviterName: string;
  role: Role;
  days: number;
}

/** The email sent to an invitee, in the language chosen for them. */
export function invitationEmail(locale: Locale, facts: InvitationFacts, link: string): WrittenEmail {
  const role = ROLE_NAMES[locale][facts.role];
  const words: EmailWords =
    locale === 'sv'
      ? {
          subject: `Inbjudan till ${facts.partnershipName} i Samverka`,
          lines: [
            `${facts.inviterName} har bjudit in dig till partnerskapet ${facts.partnershipName} som ${role}.`,
            `Öppna länken för att gå med. Den gäller i ${facts.days} dagar och kan bara användas en gång.`,
          ],
          action: 'Gå med i partnerskapet',
          footer: 'Väntade du dig inte den här inbjudan kan du bortse från meddelandet.',
        }
      : {
          subject: `Invitation to ${facts.partnershipName} on Samverka`,
          lines: [
            `${facts.inviterName} has invited you to the partnership ${facts.partnershipName} as ${role}.`,
            `Open the link to join. It works for ${facts.days} days, once.`,
          ],
          action: 'Join the partnership',
          footer: 'If you did not expect this invitation, you can ignore this email.',
        };
  return write(locale, words, link);
}

/** The email with a link to set a new password. */
export function passwordResetEmail(locale: Locale, name: string, link: string): WrittenEmail {
  const words: EmailWords =
    locale === 'sv'
      ? {
          subject: 'Välj ett nytt lösenord för Samverka',
          lines: [
            `Hej ${name}!`,
            'Någon, förhoppningsvis du, bad om att få välja ett nytt lösenord för ditt konto i Samverka.',
            'Länken gäller i en timme och kan bara användas en gång. När du har valt ett nytt lösenord loggas alla dina andra inloggningar ut.',
          ],
          action: 'Välj ett nytt lösenord',
          footer: 'Bad du inte om det här kan du bortse från meddelandet; ditt lösenord är oförändrat.',
        }
      : {
          subject: 'Set a new password for Samverka',
          lines: [
            `Hello ${name},`,
            'Someone, hopefully you, asked to set a new password for your Samverka account.',
            'The link works for one hour, once. Setting a new password signs you out everywhere else.',
          ],
          action: 'Set a new password',
          footer: 'If you did not ask for this, ignore this email; your password has not changed.',
        };
  return write(locale, words, link);
}

/** The email with a link that confirms the address an account signed up with. */
export function verificationEmail(locale: Locale, name: string, link: string): WrittenEmail {
  const words: EmailWords =
    locale === 'sv'
      ? {
          subject: 'Bekräfta din e-postadress för Samverka',
          lines: [
            `Hej ${name}!`,
            'Bekräfta att den här adressen är din, så kan du skapa partnerskap och få aviseringar från Samverka.',
            'Länken gäller i ett dygn och kan bara användas en gång.',
          ],
          action: 'Bekräfta adressen',
          footer: 'Skapade du inget konto kan du bortse från meddelandet.',
        }
      : {
          subject: 'Confirm your email address for Samverka',
          lines: [
            `Hello ${name},`,
            'Confirm that this address is yours, so you can create partnerships and get notifications from Samverka.',
            'The link works for one day, once.',
          ],
          action: 'Confirm the address',
          footer: 'If you did not create an account, ignore this email.',
        };
  return write(locale, words, link);
}

/** Plain text and a small HTML page from the same words; every value is escaped in the HTML. */
function write(locale: Locale, words: EmailWords, link: string): WrittenEmail {
  const text = [...words.lines, '', `${words.action}: ${link}`, '', words.footer, ''].join('\n');
  const paragraphs = words.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${escapeHtml(words.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1d2330; max-width: 36rem;">
${paragraphs}
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 0.5rem 1rem; background: #1f4f8a; color: #ffffff; border-radius: 4px; text-decoration: none;">${escapeHtml(words.action)}</a></p>
<p style="font-size: 0.875rem;">${escapeHtml(link)}</p>
<p style="font-size: 0.875rem; color: #5a6272;">${escapeHtml(words.footer)}</p>
</body>
</html>
`;
  return { subject: words.subject, text, html };
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
