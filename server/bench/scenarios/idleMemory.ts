import type { BenchConfig } from '../benchConfig.ts';
import { BenchClient, connectMany } from '../harness/benchClient.ts';
import { rssBytes } from '../harness/procStats.ts';
import { median, sleep } from '../harness/stats.ts';
import { startBenchServer } from '../servers/benchServer.ts';
import type { ServerKind } from '../servers/serverKinds.ts';

export interface IdleMemoryResult {
  /** (RSS with every document loaded − RSS before) / documents, in bytes. */
  bytesPerDocument: number;
  rssBeforeBytes: number;
  rssAfterBytes: number;
}

/**
 * c. Loads N documents of about 20 KB each (a client pushes the content, then
 * stays connected, idle, so every server keeps the document in memory) and
 * divides the growth in resident memory by N.
 */
export async function runIdleMemory(
  kind: ServerKind,
  config: BenchConfig['memory'],
  content: Uint8Array,
  log: (line: string) => void,
): Promise<IdleMemoryResult> {
  const server = await startBenchServer(kind);
  const clients: BenchClient[] = [];
  try {
    // Warm the code paths (first connection, first document) before the baseline.
    const warm = await BenchClient.connect(server, 'warmup');
    warm.sendUpdate(content);
    await warm.fetchState();
    warm.close();
    await sleep(config.settleMs);
    const before = await sampleRss(server.pid);

    const loaded = await connectMany(config.documents, 25, async (index) => {
      const client = await BenchClient.connect(server, `idle-${index}`);
      clients.push(client);
      client.sendUpdate(content);
      // The server's full state coming back proves the content is loaded.
      const state = await client.fetchState();
      if (state.byteLength < content.byteLength * 0.9) {
        throw new Error(`document idle-${index} holds ${state.byteLength} bytes, expected ~${content.byteLength}`);
      }
      return client;
    });
    log(`  ${loaded.length} documents of ${content.byteLength} bytes loaded; idle for ${config.idleMs / 1000} s`);
    await sleep(config.idleMs);
    const after = await sampleRss(server.pid);
    return { bytesPerDocument: (after - before) / config.documents, rssBeforeBytes: before, rssAfterBytes: after };
  } finally {
    for (const client of clients) client.close();
    await server.stop({ hard: true }); // data is thrown away; a graceful flush would only cost bench time
  }
}

/** Median of five RSS readings 200 ms apart, to smooth out a collection in progress. */
async function sampleRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssBytes(pid));
    await sleep(200);
  }
  return median(readings);
}
