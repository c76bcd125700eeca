import type { Page } from '@playwright/test';
import {
  addMemberViaApi,
  createDocumentViaApi,
  createPartnershipViaApi,
  emailOf,
  uniqueEmail,
} from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

/*
 * Responsive layouts (no sideways scrolling at 390 px on the reading pages and at
 * 768 px everywhere), axe in both themes, and keyboard use of the shell and dialogs.
 */

/**
 * Tabs through the whole page from the top and checks that every visible control
 * is reached, and that each shows a visible focus ring when reached (no control
 * only a mouse can use, no keyboard trap).
 */
async function expectEveryControlReachableByTab(page: Page, path: string) {
  const controls = await page.evaluate(() => {
    const selector =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex="0"]';
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    let n = 0;
    for (const el of Array.from(document.querySelectorAll(selector))) {
      // Roving-tabindex widgets (heat map, tabs) are one tab stop; arrows move inside.
      if (el.getAttribute('tabindex') === '-1') continue;
      // Radio groups are one tab stop; the arrow keys move inside them.
      if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) continue;
      if (el.closest('[inert], .tl-container') || !visible(el)) continue;
      // The content of a closed <details> is not shown until its summary opens it.
      const closed = el.closest('details:not([open])');
      if (closed && el.tagName !== 'SUMMARY') continue;
      el.setAttribute('data-tab-check', String(n++));
    }
    return n;
  });
  const reached = new Set<string>();
  const unringed: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < controls * 2 + 10 && reached.size < controls; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      const mark = el?.closest('[data-tab-check]')?.getAttribute('data-tab-check') ?? null;
      if (!el || mark === null) return { mark };
      // A date field's calendar button lives in the browser's own shadow tree, which draws its own ring.
      if (!el.matches(':focus')) return { mark };
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      return { mark, ring: ring || style.boxShadow !== 'none', name: el.outerHTML.slice(0, 80) };
    });
    if (at.mark === null) continue;
    reached.add(at.mark);
    if (!at.ring && at.name) unringed.push(at.name);
  }
  const missed = await page.evaluate(
    (seen) =>
      Array.from(document.querySelectorAll('[data-tab-check]'))
        .filter((el) => !seen.includes(el.getAttribute('data-tab-check') ?? ''))
        .map((el) => el.outerHTML.slice(0, 80)),
    [...reached],
  );
  expect(missed, `controls on ${path} that Tab never reaches`).toEqual([]);
  expect(unringed, `controls on ${path} with no visible focus`).toEqual([]);
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const theme of ['light', 'dark'] as const) {
  for (const width of [390, 768] as const) {
    test(`${width === 390 ? 'reading pages fit 390 px' : 'every page fits 768 px'} without sideways scrolling and passes axe (${theme})`, async ({
      newPerson,
      server,
      checkAccessibility,
    }) => {
      test.setTimeout(180_000);
      const anna = await newPerson('Anna Lind');
      const erik = await newPerson('Erik Berg');
      const created = await createPartnershipViaApi(anna, server.origin, {
        name: 'Linnaeus University and a partner with a rather long organisation name AB',
        startDate: '2026-01-01',
        termYears: 5,
      });
      const id = created.id;
      await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor', 'partner');
      const docPath = await createDocumentViaApi(anna, server.origin, id, 'text', 'Annual plan');
      const visitor = await newPerson('Visitor', { signedUp: false });
      // A thread mentioning Anna, so the inbox and the comments panel have content to lay out.
      const members = (await (
        await anna.context().request.get(`${server.origin}/api/partnerships/${id}/members`)
      ).json()) as {
        members: { userId: string; name: string }[];
      };
      const annaId = members.members.find((m) => m.name === 'Anna Lind')?.userId;
      const started = await erik.context().request.post(`${server.origin}/api/partnerships/${id}/threads`, {
        headers: { origin: server.origin },
        data: {
          anchor: { type: 'partnership' },
          body: `@[${annaId}] could we extend the steering-group agenda with the long organisation names item?`,
        },
      });
      const threadId = ((await started.json()) as { thread: { id: string } }).thread.id;
      const invitation = await anna.context().request.post(`${server.origin}/api/partnerships/${id}/invitations`, {
        headers: { origin: server.origin },
        data: { email: uniqueEmail('guest'), role: 'viewer', side: 'partner' },
      });
      const invitePath = new URL(((await invitation.json()) as { url: string }).url).pathname;
      const reading = [
        `/p/${id}`,
        `/p/${id}/goals`,
        `/p/${id}/risks`,
        `/p/${id}/checklist`,
        `/p/${id}/members`,
        `/p/${id}/activity`,
        '/p',
        docPath,
        '/account/settings',
        '/inbox',
        `/p/${id}?thread=${threadId}`,
      ];
      const signedOut = ['/', '/login', '/signup', '/forgot-password', invitePath, '/no-such-page'];
      const pages: [Page, string][] = [
        ...reading.map((path): [Page, string] => [anna, path]),
        ...signedOut.map((path): [Page, string] => [visitor, path]),
        ...(width === 768
          ? [`/p/${id}/settings`, '/account/sessions', created.canvasPath].map((path): [Page, string] => [anna, path])
          : []),
      ];
      for (const page of [anna, visitor]) {
        await page.emulateMedia({ colorScheme: theme });
        await page.setViewportSize({ width, height: 844 });
      }
      for (const [page, path] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expect(page.locator('.ui-skeleton')).toHaveCount(0);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        expect(await horizontalOverflow(page), `${path} at ${width} px (${theme})`).toBeLessThanOrEqual(0);
        await checkAccessibility(page);
        // Keyboard use does not depend on the theme or the width: walk each page once.
        if (theme === 'light' && width === 768) await expectEveryControlReachableByTab(page, path);
      }
    });
  }
}

test('the theme switch and dialogs work by keyboard alone, and the theme is remembered', async ({
  newPerson,
  server,
}) => {
  const anna = await newPerson('Anna Lind');
  const { id } = await createPartnershipViaApi(anna, server.origin);
  await anna.emulateMedia({ colorScheme: 'light' });
  await anna.goto(`/p/${id}`);
  await expect(anna.locator('html')).toHaveAttribute('data-theme', 'light');

  // Tab from the top of the page to the theme switch and press it.
  const themeSwitch = anna.getByRole('button', { name: 'Dark theme' });
  await anna.keyboard.press('Tab');
  for (let i = 0; i < 15 && !(await themeSwitch.evaluate((el) => el === document.activeElement)); i++) {
    await anna.keyboard.press('Tab');
  }
  await expect(themeSwitch).toBeFocused();
  await anna.keyboard.press('Enter');
  await expect(anna.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(themeSwitch).toHaveAttribute('aria-pressed', 'true');
  await anna.reload();
  await expect(anna.locator('html')).toHaveAttribute('data-theme', 'dark');

  // "New document" opens a dialog holding the focus; Escape closes it and focus returns.
  const newDocument = anna.getByRole('button', { name: 'New document' });
  await newDocument.focus();
  await anna.keyboard.press('Enter');
  const dialog = anna.getByRole('dialog', { name: 'New document' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await anna.keyboard.type('Steering notes');
  await anna.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(newDocument).toBeFocused();
  await anna.keyboard.press('Enter');
  await anna.keyboard.type('Steering notes');
  await anna.keyboard.press('Enter');
  await expect(anna.getByRole('heading', { name: 'Steering notes' })).toBeVisible();
  await expect(anna).toHaveTitle('Steering notes · Samverka');
});
