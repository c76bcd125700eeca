import { type Locale, MENTION_PATTERN, type ThreadAnchor, threadAnchorSchema, threadLink } from '@samverka/model';
import type { Kysely } from 'kysely';
import { randomId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import type { WrittenEmail } from '../mail/emailTemplates.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { DatabaseSchema } from '../storage/schema.ts';
import {
  digestEmail,
  type NotificationFooterLinks,
  type NotificationItem,
  notificationEmail,
} from './notificationEmails.ts';
import {
  claimRows,
  digestRecipients,
  giveUpStale,
  markDone,
  pruneDone,
  type QueuedNotification,
} from './notificationQueue.ts';
import { createUnsubscribeToken, pruneUnsubscribeTokens, unsubscribeUrl } from './unsubscribeTokens.ts';

export interface NotificationSenderDeps {
  db: Kysely<DatabaseSchema>;
  mailer: Mailer;
  log: Logger;
  publicUrl: string;
  /** Hour of the day (UTC) the daily digest goes out. */
  digestHourUtc: number;
  /** Now, in epoch milliseconds; tests move it to trigger the digest. */
  clock: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 50;
const EXCERPT_CHARS = 280;
/** Done rows are kept a week, for an operator looking into "I never got the email". */
const KEEP_DONE_MS = 7 * DAY_MS;
/** A row still unsent this long after it was queued (a digest row waits at most a day) is given up. */
const GIVE_UP_MS = 3 * DAY_MS;

/** The latest digest time at or before `now`: rows queued before it belong to that digest. */
export function digestCutoff(now: number, hourUtc: number): number {
  const today = Math.floor(now / DAY_MS) * DAY_MS + hourUtc * 60 * 60 * 1000;
  return today <= now ? today : today - DAY_MS;
}

/**
 * Sends queued notifications. Immediate rows go out right after the commit that queued
 * them (`kick`, outbox style) and on every tick (rows a crashed process claimed come back
 * when the claim's lease ends); digest rows on the first tick after the day's digest time,
 * one email per person. Every row is claimed in the database first, so several processes
 * can run this at once without sending a row twice; a crash between sending and marking
 * done can send one email again, never lose it.
 */
export class NotificationSender {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** The timer's tick in progress: a slow SMTP server must not make ticks overlap, and stop waits for it. */
  private ticking: Promise<void> | undefined;

  constructor(private readonly deps: NotificationSenderDeps) {}

  /** Sends pending immediate notifications without making the caller wait. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sendImmediate().catch((error: unknown) => this.failed(error));
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
  }

  /** Resolves once no kicked send is running (tests wait on it). */
  async idle(): Promise<void> {
    while (this.running || this.ticking) await (this.running ?? this.ticking);
  }

  /** Every minute: immediate leftovers, the digest when due, old rows and tokens pruned. */
  start(intervalMs = 60_000): void {
    this.timer = setInterval(() => {
      if (this.ticking) return;
      this.ticking = this.tick()
        .catch((error: unknown) => this.failed(error))
        .finally(() => {
          this.ticking = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    await this.sendImmediate();
    await this.sendDigests();
    const now = this.deps.clock();
    const abandoned = await giveUpStale(this.deps.db, now - GIVE_UP_MS, now);
    if (abandoned > 0) this.deps.log.warn({ abandoned }, 'notification emails given up after three days of failures');
    await pruneDone(this.deps.db, now - KEEP_DONE_MS);
    await pruneUnsubscribeTokens(this.deps.db, now);
  }

  /** Sends every pending immediate notification, one email each; returns how many went out. */
  async sendImmediate(): Promise<number> {
    let sent = 0;
    for (;;) {
      const now = this.deps.clock();
      const claimId = randomId();
      const rows = await claimRows(
        this.deps.db,
        claimId,
        { delivery: 'immediate', before: now + 1, limit: BATCH },
        now,
      );
      if (rows.length === 0) return sent;
      const items = await this.itemsFor(rows);
      for (const row of rows) {
        const item = items.get(row.id);
        if (item) {
          const delivered = await this.deliver('notification', row.user_id, item, now, (links) =>
            notificationEmail(item.locale, item, links),
          );
          // Refused: the row stays claimed until its lease ends, then is tried again (or given up).
          if (!delivered) continue;
          sent++;
        }
        await markDone(this.deps.db, claimId, [row.id], this.deps.clock());
      }
    }
  }

  /** Sends each person's digest of rows queued before the latest digest time; returns how many emails. */
  async sendDigests(): Promise<number> {
    const now = this.deps.clock();
    const cutoff = digestCutoff(now, this.deps.digestHourUtc);
    let sent = 0;
    for (const userId of await digestRecipients(this.deps.db, cutoff, now)) {
      const claimId = randomId();
      // All of one person's due rows in one claim, so a digest is never split between processes.
      const rows = await claimRows(
        this.deps.db,
        claimId,
        { delivery: 'digest', before: cutoff, userId, limit: 500 },
        now,
      );
      if (rows.length === 0) continue;
      const items = [...(await this.itemsFor(rows)).values()];
      const first = items[0];
      if (first) {
        const delivered = await this.deliver('digest', userId, first, now, (links) =>
          digestEmail(first.locale, items, links),
        );
        if (!delivered) continue;
        sent++;
      }
      await markDone(
        this.deps.db,
        claimId,
        rows.map((row) => row.id),
        this.deps.clock(),
      );
    }
    return sent;
  }

  /**
   * What each claimed row says, read at send time: a row whose person is no longer a member,
   * turned notifications off, or was disabled, or whose message was deleted, gets no item
   * (and is marked done without an email).
   */
  private async itemsFor(
    rows: readonly QueuedNotification[],
  ): Promise<Map<number, NotificationItem & { to: string; locale: Locale }>> {
    const found = await this.deps.db
      .selectFrom('notification_queue as q')
      .innerJoin('users as u', 'u.id', 'q.user_id')
      .innerJoin('comment_messages as m', 'm.id', 'q.message_id')
      .innerJoin('comment_threads as t', 't.id', 'q.thread_id')
      .innerJoin('partnerships as p', 'p.id', 'q.partnership_id')
      .innerJoin('memberships as ms', (join) =>
        join.onRef('ms.partnership_id', '=', 'q.partnership_id').onRef('ms.user_id', '=', 'q.user_id'),
      )
      .leftJoin('users as a', 'a.id', 'm.author_id')
      .select([
        'q.id',
        'q.kind',
        'q.partnership_id',
        'q.thread_id',
        'u.email',
        'u.locale',
        'u.notify_mode',
        'u.disabled_at',
        'm.body',
        'm.deleted_at',
        't.anchor',
        'p.name as partnership_name',
        'a.name as author_name',
      ])
      .where(
        'q.id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    const names = await this.mentionNames(found.map((row) => row.body));
    const items = new Map<number, NotificationItem & { to: string; locale: Locale }>();
    for (const row of found) {
      if (row.notify_mode === 'off' || row.disabled_at != null || row.deleted_at != null) continue;
      const locale = row.locale ?? 'en';
      // One unreadable anchor must not hold back the other emails claimed with it: that row is
      // skipped (like a message deleted since), the rest go out.
      const anchor = parseAnchor(row.anchor);
      if (!anchor) {
        this.deps.log.warn({ notification: row.id }, 'notification skipped: its thread anchor is unreadable');
        continue;
      }
      items.set(row.id, {
        kind: row.kind,
        to: row.email,
        locale,
        authorName: row.author_name ?? (locale === 'sv' ? 'En tidigare medlem' : 'A former member'),
        partnershipName: row.partnership_name,
        excerpt: excerptOf(row.body, names),
        link: `${this.deps.publicUrl}${threadLink(row.partnership_id, { id: row.thread_id, anchor })}`,
      });
    }
    return items;
  }

  private async mentionNames(bodies: readonly string[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const body of bodies) for (const match of body.matchAll(MENTION_PATTERN)) ids.add(match[1] as string);
    if (ids.size === 0) return new Map();
    const users = await this.deps.db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(users.map((user) => [user.id, user.name]));
  }

  /**
   * One email with a fresh unsubscribe token, its URL in the footer and the RFC 8058 headers.
   * False when the SMTP server refused it: one bad address must not hold up everyone else's email.
   */
  private async deliver(
    kind: 'notification' | 'digest',
    userId: string,
    item: { to: string; link: string },
    now: number,
    write: (links: NotificationFooterLinks) => WrittenEmail,
  ): Promise<boolean> {
    const token = await createUnsubscribeToken(this.deps.db, userId, now);
    const links = {
      unsubscribe: unsubscribeUrl(this.deps.publicUrl, token),
      settings: `${this.deps.publicUrl}/account/settings`,
    };
    try {
      await this.deps.mailer.send({
        kind,
        to: item.to,
        link: item.link,
        unsubscribe: links.unsubscribe,
        ...write(links),
      });
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  private failed(error: unknown): void {
    this.deps.log.error({ err: error instanceof Error ? error.message : String(error) }, 'notification emails failed');
  }
}

/** The message as a person reads it: mentions as `@Name`, cut at a readable length. */
function excerptOf(body: string, names: ReadonlyMap<string, string>): string {
  const text = body.replace(MENTION_PATTERN, (_match, id: string) => `@${names.get(id) ?? '?'}`).trim();
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

function parseAnchor(stored: string): ThreadAnchor | undefined {
  try {
    const parsed = threadAnchorSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
