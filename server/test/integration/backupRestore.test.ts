import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type BackupSource, backup, restore } from '../../src/operations/backup.ts';
import { howToStartPostgres, postgresAdmin, postgresReachable, postgresUrl } from '../support/postgres.ts';
import { connectClient, eventually, synced, type TestClient } from '../support/syncClient.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const serverRoot = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function server(env: Record<string, string>): Promise<TestServer> {
  const t = await startTestServer({ env });
  cleanups.push(() => t.dispose());
  return t;
}

function client(t: TestServer, documentId: string): TestClient {
  const c = connectClient(t.server.url, documentId);
  cleanups.push(() => c.destroy());
  return c;
}

/**
 * One writer appends numbered edits without pause while `takeBackup` runs. The
 * edits a second client had received when the backup started were committed
 * before they were relayed (append before relay), so the restored copy must hold
 * every one of them. Returns those edits and the restored text's source.
 */
async function writeDuringBackup(t: TestServer, takeBackup: () => Promise<void>) {
  const writer = client(t, 'backup-doc');
  const reader = client(t, 'backup-doc');
  await Promise.all([synced(writer), synced(reader)]);
  const text = writer.doc.getText('t');
  let writing = true;
  let n = 0;
  const writes = (async () => {
    while (writing) {
      text.insert(text.length, `e${n++};`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  await eventually(() => reader.doc.getText('t').length > 200, 'edits to reach the reader');
  const acknowledged = reader.doc.getText('t').toString();
  await takeBackup();
  writing = false;
  await writes;
  return { acknowledged, written: n };
}

async function restoredText(env: Record<string, string>): Promise<string> {
  const t = await server(env);
  const fresh = client(t, 'backup-doc');
  await synced(fresh);
  return fresh.doc.getText('t').toString();
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/operations/cli.ts', ...args], {
      cwd: serverRoot,
      env: { ...process.env, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('backup and restore on SQLite', () => {
  it('`pnpm samverka backup` copies a running server consistently; restore brings back every acknowledged edit', async () => {
    const dataDir = tempDir('samverka-live-');
    const file = path.join(tempDir('samverka-backups-'), 'nightly.db');
    const t = await server({ DATA_DIR: dataDir });
    const { acknowledged, written } = await writeDuringBackup(t, async () => {
      const { code, output } = await runCli(['backup', file], { DATA_DIR: dataDir });
      expect(output).toContain('backed up');
      expect(code).toBe(0);
    });
    expect(written).toBeGreaterThan(acknowledged.split(';').length);

    const restoredDir = path.join(tempDir('samverka-restored-'), 'data');
    const { code } = await runCli(['restore', file], { DATA_DIR: restoredDir });
    expect(code).toBe(0);
    const restored = await restoredText({ DATA_DIR: restoredDir });
    expect(restored.startsWith(acknowledged)).toBe(true);
  });

  it('never restores over a database, and refuses a file that is not a backup', async () => {
    const dataDir = tempDir('samverka-live-');
    const t = await server({ DATA_DIR: dataDir });
    const file = path.join(tempDir('samverka-backups-'), 'copy.db');
    await backup({ dataDir, databaseUrl: undefined }, file);
    await expect(restore({ dataDir, databaseUrl: undefined }, file)).rejects.toThrow(/exists/);
    await expect(backup({ dataDir, databaseUrl: undefined }, file)).rejects.toThrow(/exists/);
    const garbage = path.join(tempDir('samverka-garbage-'), 'not-a-backup.db');
    fs.writeFileSync(garbage, 'hello');
    const empty = path.join(tempDir('samverka-empty-'), 'data');
    await expect(restore({ dataDir: empty, databaseUrl: undefined }, garbage)).rejects.toThrow(/not a SQLite backup/);
    expect(fs.existsSync(path.join(empty, 'samverka.db'))).toBe(false);
    expect(t.server.port).toBeGreaterThan(0);
  });
});

const reachable = await postgresReachable();
if (!reachable && !process.env.CI) console.warn(`Skipping the PostgreSQL backup test: ${howToStartPostgres}`);

describe.skipIf(!reachable && !process.env.CI)('backup and restore on PostgreSQL', () => {
  /** A database of its own: pg_dump copies a whole database, and other suites use schemas of `test`. */
  async function freshDatabase(): Promise<BackupSource> {
    const name = `samverka_backup_${randomUUID().replaceAll('-', '')}`;
    await postgresAdmin(`create database ${name}`);
    cleanups.push(() => postgresAdmin(`drop database if exists ${name} with (force)`));
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    return { dataDir: tempDir('samverka-pg-'), databaseUrl: url.toString() };
  }

  it('pg_dump while clients write; pg_restore into an empty database brings back every acknowledged edit', async () => {
    if (!reachable) throw new Error(howToStartPostgres);
    const live = await freshDatabase();
    const file = path.join(tempDir('samverka-backups-'), 'nightly.pgdump');
    const t = await server({ DATABASE_URL: live.databaseUrl as string });
    const { acknowledged } = await writeDuringBackup(t, () => backup(live, file));

    const target = await freshDatabase();
    await restore(target, file);
    await expect(restore(target, file)).rejects.toThrow(/has tables/);
    const restored = await restoredText({ DATABASE_URL: target.databaseUrl as string });
    expect(restored.startsWith(acknowledged)).toBe(true);
  });
});
