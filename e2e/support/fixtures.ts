import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import { ServerProcess } from '../../server/test/support/serverProcess.ts';
import { signUpViaApi } from './accounts.ts';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

interface Fixtures {
  /**
   * Opens a fresh browser context (a separate person) whose requests are recorded.
   * The person is signed up (through the API) unless `signedUp: false`.
   */
  newPerson(name: string, options?: { signedUp?: boolean }): Promise<Page>;
  /** Runs axe-core on the page; fails on serious or critical violations. */
  checkAccessibility(page: Page): Promise<void>;
  /**
   * Console errors and uncaught exceptions of every page are collected and fail
   * the test at its end; `allow` names the ones this test expects (e.g. a refused
   * socket while the server is down).
   */
  consoleErrors: { allow(pattern: RegExp): void; list(): string[] };
}

interface WorkerFixtures {
  server: ServerProcess;
}

/**
 * Every context's requests are recorded; after each test none may have left the
 * app's own origin (fonts, icons and translations included).
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      // Many people sign up from one address in a run; rate limits have their own tests.
      const server = await ServerProcess.start({ RATE_LIMIT_PER_IP: '100000', RATE_LIMIT_PER_ACCOUNT: '1000' });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  consoleErrors: async ({}, use) => {
    const allowed: RegExp[] = [];
    const errors: string[] = [];
    await use({ allow: (pattern) => allowed.push(pattern), list: () => errors });
    const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
    expect(unexpected, 'console errors during the test').toEqual([]);
  },
  newPerson: async ({ browser, server, consoleErrors }, use) => {
    const contexts: BrowserContext[] = [];
    const foreign: string[] = [];
    await use(async (name, options) => {
      const context = await openContext(browser, server.origin);
      context.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.list().push(`${message.text()} (${message.location().url})`);
      });
      context.on('weberror', (error) => consoleErrors.list().push(`uncaught: ${error.error().message}`));
      context.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) {
          foreign.push(url);
        }
      });
      contexts.push(context);
      const page = await context.newPage();
      if (options?.signedUp !== false) await signUpViaApi(page, server.origin, name);
      return page;
    });
    for (const context of contexts) await context.close().catch(() => undefined);
    expect(foreign, 'requests that left the app origin').toEqual([]);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  checkAccessibility: async ({}, use) => {
    await use(async (page) => {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        // biome-ignore lint/suspicious/noExplicitAny: axe result shape
        return result.violations.map((v: any) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          // biome-ignore lint/suspicious/noExplicitAny: axe node shape
          targets: v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')),
        }));
      });
      const severe = violations.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
      expect(severe, `accessibility violations on ${page.url()}`).toEqual([]);
    });
  },
});

async function openContext(browser: Browser, origin: string): Promise<BrowserContext> {
  return browser.newContext({ baseURL: origin, locale: 'en-GB' });
}

export { expect };
