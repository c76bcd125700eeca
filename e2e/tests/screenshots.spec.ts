import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addMemberViaApi, createDocumentViaApi, createPartnershipViaApi, emailOf } from '../support/accounts.ts';
import { expect, test } from '../support/fixtures.ts';

/*
 * Writes every page at 1440 and 390 px, light and dark, to docs/screenshots/
 * (run with the e2e suite). Viewport-sized PNGs keep the folder to a few MB.
 * The canvas is a desktop tool (768 px and up), so it is shot at 1440 only.
 */

const outDir = path.resolve(import.meta.dirname, '../../docs/screenshots');
const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

interface Shot {
  name: string;
  path: string;
  /** Something visible once the page has loaded. */
  ready(page: Page): Promise<void>;
  phone: boolean;
  /** Which person's browser opens it. */
  as: 'owner' | 'signedOut';
}

async function shoot(page: Page, shot: Shot, suffix = '') {
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of WIDTHS) {
      if (size.name === 'phone' && !shot.phone) continue;
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(shot.path);
      await shot.ready(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // Let web fonts, transitions and live data settle before the picture.
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(outDir, `${shot.name}${suffix}-${size.width}-${theme}.png`) });
    }
  }
}

test('screenshots of every page, 1440 and 390 px, light and dark', async ({ newPerson, server }) => {
  test.setTimeout(240_000);
  fs.mkdirSync(outDir, { recursive: true });
  const anna = await newPerson('Anna Lind');
  const erik = await newPerson('Erik Berg');
  const vera = await newPerson('Vera Holm');
  const visitor = await newPerson('Visitor', { signedUp: false });
  const created = await createPartnershipViaApi(anna, server.origin, {
    name: 'Linnaeus University × Nordic Timber AB',
    partnerName: 'Nordic Timber AB',
    startDate: '2025-09-01',
    termYears: 6,
    phase: 'active',
  });
  const id = created.id;
  await addMemberViaApi(anna, erik, server.origin, id, emailOf(erik), 'editor', 'partner');
  await addMemberViaApi(anna, vera, server.origin, id, emailOf(vera), 'viewer', 'university');
  const docPath = await createDocumentViaApi(anna, server.origin, id, 'text', 'Annual plan 2026');
  const invite = await anna.context().request.post(`${server.origin}/api/partnerships/${id}/invitations`, {
    headers: { origin: server.origin },
    data: { email: 'steering.group@nordictimber.example', role: 'commenter', side: 'partner' },
  });
  const inviteUrl = ((await invite.json()) as { url: string }).url;
  // A register with a few goals and risks, imported as CSV the way a person would.
  const importCsv = async (kind: 'goals' | 'risks', csv: string) => {
    const answer = await anna.context().request.post(`${server.origin}/api/partnerships/${id}/register/${kind}.csv`, {
      headers: { origin: server.origin, 'content-type': 'text/csv' },
      data: csv,
    });
    expect(answer.status(), await answer.text()).toBeLessThan(300);
  };
  await importCsv(
    'goals',
    [
      'id,title,status,due',
      ',A joint research school in wood construction,on-track,2027-06-30',
      ',Twenty degree projects a year at Nordic Timber,at-risk,2026-12-31',
      ',Shared test site for timber frames,not-started,2028-03-31',
    ].join('\r\n'),
  );
  await importCsv(
    'risks',
    [
      'id,title,category,likelihood,impact,status,reviewDue',
      ',Key sponsor at Nordic Timber leaves,dependency,3,5,open,2026-12-01',
      ',Research funding call is not granted,strategic,4,3,monitoring,2027-02-15',
      ',Publication rules are disputed,governance,2,3,open,2026-11-01',
    ].join('\r\n'),
  );
  const threadId = await seedThreads(anna, erik, server.origin, id);
  await seedGoalThread(anna, erik, server.origin, id);

  const heading = (name: string | RegExp) => async (page: Page) => {
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  };
  const shots: Shot[] = [
    { name: 'login', path: '/login', ready: heading('Log in to Samverka'), phone: true, as: 'signedOut' },
    {
      name: 'invitation',
      path: new URL(inviteUrl).pathname,
      ready: heading(/Invitation to/),
      phone: true,
      as: 'signedOut',
    },
    { name: 'partnerships', path: '/p', ready: heading('Your partnerships'), phone: true, as: 'owner' },
    {
      name: 'partnership-home',
      path: `/p/${id}`,
      ready: async (page) => {
        await heading('Linnaeus University × Nordic Timber AB')(page);
        await expect(page.getByRole('region', { name: 'Recent activity' }).getByRole('listitem').first()).toBeVisible();
        await expect(page.getByRole('region', { name: 'The two sides' }).getByText('Erik Berg')).toBeVisible();
      },
      phone: true,
      as: 'owner',
    },
    {
      name: 'members',
      path: `/p/${id}/members`,
      ready: async (page) => {
        await heading(/Members of/)(page);
        await expect(page.getByText('steering.group@nordictimber.example').first()).toBeVisible();
      },
      phone: true,
      as: 'owner',
    },
    {
      name: 'activity',
      path: `/p/${id}/activity`,
      ready: async (page) => {
        await heading(/Activity in/)(page);
        await expect(page.getByRole('table')).toBeVisible();
      },
      phone: true,
      as: 'owner',
    },
    {
      name: 'goals',
      path: `/p/${id}/goals`,
      ready: async (page) => {
        await expect(page.getByText('Connected')).toBeVisible();
        await expect(page.getByTestId('goal-card')).toHaveCount(3);
      },
      phone: true,
      as: 'owner',
    },
    {
      name: 'risks',
      path: `/p/${id}/risks`,
      ready: async (page) => {
        await expect(page.getByText('Connected')).toBeVisible();
        await expect(page.getByTestId('risk-row')).toHaveCount(3);
      },
      phone: true,
      as: 'owner',
    },
    {
      name: 'inbox',
      path: '/inbox',
      ready: async (page) => {
        await heading('Inbox')(page);
        await expect(page.getByTestId('inbox-item').first()).toBeVisible();
      },
      phone: true,
      as: 'owner',
    },
    {
      name: 'comments-panel',
      path: `/p/${id}?thread=${threadId}`,
      ready: async (page) => {
        const drawer = page.getByRole('complementary', { name: 'Comments' });
        await expect(drawer.locator('.message')).toHaveCount(2);
        await expect(drawer.locator('.comment-mention').first()).toBeVisible();
      },
      phone: true,
      as: 'owner',
    },
    { name: 'settings', path: `/p/${id}/settings`, ready: heading('Partnership settings'), phone: true, as: 'owner' },
    {
      name: 'canvas',
      path: created.canvasPath,
      ready: async (page) => {
        await expect(page.locator('.tl-shape[data-shape-type="frame"]').first()).toBeVisible();
        await expect(page.getByText('Connected')).toBeVisible();
      },
      phone: false,
      as: 'owner',
    },
    {
      name: 'document',
      path: docPath,
      ready: async (page) => {
        await heading('Annual plan 2026')(page);
        await expect(page.getByText('Connected')).toBeVisible();
      },
      phone: true,
      as: 'owner',
    },
    { name: 'sessions', path: '/account/sessions', ready: heading('Your sessions'), phone: false, as: 'owner' },
  ];
  for (const shot of shots) await shoot(shot.as === 'owner' ? anna : visitor, shot);

  // The partnership home once more in Swedish, the app's other language.
  await anna.goto(`/p/${id}`);
  await anna.getByLabel('Language').selectOption('sv');
  await expect(anna.locator('html')).toHaveAttribute('lang', 'sv');
  const home = shots.find((shot) => shot.name === 'partnership-home') as Shot;
  await shoot(
    anna,
    {
      ...home,
      ready: async (page) => {
        await heading('Linnaeus University × Nordic Timber AB')(page);
        await expect(
          page.getByRole('region', { name: 'Senaste händelser' }).getByRole('listitem').first(),
        ).toBeVisible();
      },
    },
    '-sv',
  );
});

/** Two partnership-level threads, one mentioning Anna with her reply; returns the mentioning thread's id. */
async function seedThreads(anna: Page, erik: Page, origin: string, partnershipId: string): Promise<string> {
  const headers = { origin };
  const members = (await (
    await anna.context().request.get(`${origin}/api/partnerships/${partnershipId}/members`)
  ).json()) as { members: { userId: string; name: string }[] };
  const annaId = members.members.find((m) => m.name === 'Anna Lind')?.userId as string;
  const post = async (page: Page, url: string, body: string) => {
    const response = await page
      .context()
      .request.post(`${origin}${url}`, { headers, data: { body, anchor: { type: 'partnership' } } });
    expect(response.ok(), await response.text()).toBe(true);
    return response.json();
  };
  await post(
    erik,
    `/api/partnerships/${partnershipId}/threads`,
    'The steering group meets on 12 March; agenda items welcome.',
  );
  const { thread } = (await post(
    erik,
    `/api/partnerships/${partnershipId}/threads`,
    `Could @[${annaId}] share the draft agenda for the evaluation workshop before Friday?`,
  )) as { thread: { id: string } };
  const reply = await anna.context().request.post(`${origin}/api/threads/${thread.id}/messages`, {
    headers,
    data: { body: 'Yes, I will send it on Thursday with the budget summary.' },
  });
  expect(reply.ok()).toBe(true);
  await post(
    erik,
    `/api/partnerships/${partnershipId}/threads`,
    `@[${annaId}] the partner asked for the indicator list too.`,
  );
  return thread.id;
}

/** The goal the CSV import made first, now with a thread on it. */
const GOAL_WITH_THREAD = 'A joint research school in wood construction';

/** A thread on one of the register's goals (imported before, as CSV). */
async function seedGoalThread(anna: Page, erik: Page, origin: string, partnershipId: string): Promise<void> {
  await anna.goto(`/p/${partnershipId}/goals`);
  const card = anna.getByTestId('goal-card').filter({ hasText: GOAL_WITH_THREAD });
  await expect(card).toBeVisible();
  const goalId = (await card.getAttribute('data-goal-id')) as string;
  // The server checks the anchor against its stored register: until the goal has reached it, anchor_not_found.
  await expect
    .poll(async () => {
      const response = await erik.context().request.post(`${origin}/api/partnerships/${partnershipId}/threads`, {
        headers: { origin },
        data: {
          anchor: { type: 'goal', goalId },
          body: 'Two PhD positions from the partner side are confirmed for 2026.',
        },
      });
      return response.status();
    })
    .toBe(201);
  await anna.getByRole('button', { name: GOAL_WITH_THREAD, exact: true }).click();
}
