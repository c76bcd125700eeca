import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '../support/apiClient.ts';
import { addConfirmedMember, confirmedPartnership, isNotificationEmail } from '../support/confirmedAccounts.ts';
import { createTestSchema, howToStartPostgres, postgresReachable } from '../support/postgres.ts';
import { startSmtpCapture } from '../support/smtpCapture.ts';
import { startTestServer } from '../support/testServer.ts';

const reachable = await postgresReachable();
if (!reachable && !process.env.CI) console.warn(`Skipping the PostgreSQL digest test: ${howToStartPostgres}`);

const DAY_MS = 24 * 60 * 60 * 1000;

describe.skipIf(!reachable && !process.env.CI)('notification digest on PostgreSQL with two servers', () => {
  it('sends one digest with all three mentions when both servers collect at the same moment', async () => {
    if (!reachable) throw new Error(howToStartPostgres);
    const schema = await createTestSchema('digest');
    const smtp = await startSmtpCapture();
    let ahead = 0;
    const env = { DATABASE_URL: schema.url, SMTP_URL: smtp.url, ALLOWED_ORIGINS: TEST_ORIGIN };
    const clock = () => Date.now() + ahead;
    const a = await startTestServer({ env, clock });
    const b = await startTestServer({ env, clock });
    try {
      const p = await confirmedPartnership(a.server.url, smtp, { name: 'Olle' });
      const dag = await addConfirmedMember(p, a.server.url, smtp, { name: 'Dag', role: 'editor' });
      await dag.client.patch('/api/me', { notifications: 'digest' });
      for (const word of ['first', 'second', 'third']) {
        const posted = await p.owner.client.post(`/api/partnerships/${p.id}/threads`, {
          anchor: { type: 'partnership' },
          body: `@[${dag.userId}] the ${word} point`,
        });
        expect(posted.status).toBe(201);
      }
      ahead = DAY_MS;
      const sent = await Promise.all([
        a.server.notifications.sendDigests(),
        b.server.notifications.sendDigests(),
        a.server.notifications.sendDigests(),
        b.server.notifications.sendDigests(),
      ]);
      expect(sent.reduce((sum, n) => sum + n, 0)).toBe(1);
      await Promise.all([a.server.notifications.tick(), b.server.notifications.tick()]);
      const digests = smtp.messages.filter((email) => email.to.includes(dag.email) && isNotificationEmail(email));
      expect(digests).toHaveLength(1);
      for (const word of ['first', 'second', 'third']) expect(digests[0]?.text).toContain(`@Dag the ${word} point`);
    } finally {
      await a.dispose();
      await b.dispose();
      await smtp.stop();
      await schema.drop();
    }
  }, 60_000);
});
