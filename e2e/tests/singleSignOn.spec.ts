import type { Browser, Page } from '@playwright/test';
import type { ServerProcess } from '../../server/test/support/serverProcess.ts';
import {
  startTwoProviderWorld,
  type TestOpenIdProvider,
  type TwoProviderWorld,
} from '../../server/test/support/testOpenIdProvider.ts';
// The shared fixtures' axe check; their worker server is not used (it has no providers) and so never starts.
import { expect, test } from '../support/fixtures.ts';

/**
 * Single sign-on through two real OpenID Providers (the certified `oidc-provider`), each started
 * here with its own client: the university's and the partner company's. The person types at the
 * provider's own sign-in and consent pages, as they would at their organisation's.
 */
let world: TwoProviderWorld;
let server: ServerProcess;
let uni: TestOpenIdProvider;
let partner: TestOpenIdProvider;
const consoleErrors: string[] = [];

test.beforeAll(async () => {
  world = await startTwoProviderWorld();
  ({ server, uni, partner } = world);
  uni.addIdentity({ login: 'anna', email: 'anna.lind@uni.example', name: 'Anna Lind' });
  partner.addIdentity({ login: 'per', email: 'per@acme.example', name: 'Per Holm' });
});

test.afterAll(() => world?.stop());

test.afterEach(() => {
  expect(consoleErrors, 'console errors during the test').toEqual([]);
});

async function person(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.origin, locale: 'en-GB' });
  // Samverka's pages only: the test provider's own pages ask for web fonts and a favicon this machine cannot load.
  context.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error' && where.startsWith(server.origin))
      consoleErrors.push(`${message.text()} (${where})`);
  });
  context.on('weberror', (error) => consoleErrors.push(`uncaught: ${error.error().message}`));
  return context.newPage();
}

/** At the test provider: its sign-in form, then its consent page. */
async function signInAtProvider(page: Page, provider: TestOpenIdProvider, login: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${provider.plan.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a person signs in through their university, lands signed in, and signs out', async ({ browser }) => {
  const page = await person(browser);
  await page.goto('/login');
  await expect(page.getByRole('link', { name: 'Log in with Uppsala University' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in with Acme AB' })).toBeVisible();
  await page.getByRole('link', { name: 'Log in with Uppsala University' }).click();
  await signInAtProvider(page, uni, 'anna');

  await expect(page).toHaveURL(`${server.origin}/p`);
  await expect(page.getByRole('heading', { name: 'Your partnerships' })).toBeVisible();
  await expect(page.getByText('Anna Lind', { exact: false }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  // The shell's log-out lands on /login, or on /login?next=/p when the page's own guard redirects first.
  await expect(page).toHaveURL(new RegExp(`^${server.origin}/login`));
  await expect(page.getByRole('heading', { name: 'Log in to Samverka' })).toBeVisible();
  expect((await page.request.get('/api/session')).ok()).toBe(true);
  expect(await (await page.request.get('/api/session')).json()).toEqual({ user: null });
  await page.context().close();
});

test('the partner company’s provider works side by side, for another person', async ({ browser }) => {
  const anna = await person(browser);
  await anna.goto('/login');
  await anna.getByRole('link', { name: 'Log in with Uppsala University' }).click();
  await signInAtProvider(anna, uni, 'anna');
  await expect(anna.getByRole('heading', { name: 'Your partnerships' })).toBeVisible();

  const per = await person(browser);
  await per.goto('/login');
  await per.getByRole('link', { name: 'Log in with Acme AB' }).click();
  await signInAtProvider(per, partner, 'per');
  await expect(per.getByRole('heading', { name: 'Your partnerships' })).toBeVisible();

  const who = async (page: Page) => (await (await page.request.get('/api/session')).json()).user;
  expect(await who(anna)).toMatchObject({ email: 'anna.lind@uni.example', name: 'Anna Lind' });
  expect(await who(per)).toMatchObject({ email: 'per@acme.example', name: 'Per Holm' });
  await anna.context().close();
  await per.context().close();
});

test('a refused round trip comes back to the log-in page with its reason', async ({ browser }) => {
  const page = await person(browser);
  // A callback this browser never started: what a forged or stale link does.
  await page.goto('/api/auth/oidc/uni/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/login\?oidc_error=oidc_state_invalid$/);
  await expect(page.getByRole('alert')).toHaveText(/not started in this browser/);
  await page.context().close();
});

test('the log-in page with providers, at desktop and phone width, light and dark', async ({
  browser,
  checkAccessibility,
}) => {
  const page = await person(browser);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/login?oidc_link=uni&email=anna.lind%40uni.example');
      await expect(page.getByRole('link', { name: 'Log in with Acme AB' })).toBeVisible();
      await checkAccessibility(page);
      await page.screenshot({ path: `../docs/screenshots/login-sso-${width}-${theme}.png`, fullPage: true });
    }
  }
  await page.context().close();
});
