import { afterAll, describe, expect, it } from 'vitest';
import { type BenchServer, startBenchServer } from '../servers/benchServer.ts';
import { SERVER_KINDS } from '../servers/serverKinds.ts';
import { BenchClient } from './benchClient.ts';
import { TypingWriter } from './typingWriter.ts';

/** The harness against the three real servers: each one's framing must carry an update end to end. */
describe.each(SERVER_KINDS)('BenchClient against %s', (kind) => {
  const started: BenchServer[] = [];
  afterAll(async () => {
    for (const server of started) await server.stop({ hard: true });
  });

  it('relays a typed update to a reader and serves the state to a late client', async () => {
    const server = await startBenchServer(kind);
    started.push(server);
    const writer = new TypingWriter();
    const seen: Array<[number, number]> = [];
    let gotAll: () => void = () => undefined;
    const allSeen = new Promise<void>((resolve) => {
      gotAll = resolve;
    });
    const reader = await BenchClient.connect(server, 'harness-doc', {
      onUpdate: (client, clock) => {
        seen.push([client, clock]);
        if (seen.length === 3) gotAll();
      },
    });
    const writerClient = await BenchClient.connect(server, 'harness-doc', { doc: writer.doc });
    for (let i = 0; i < 3; i++) writerClient.sendUpdate(writer.next().update);
    await allSeen;
    expect(seen).toEqual([0, 1, 2].map((clock) => [writer.clientId, clock]));

    const late = new TypingWriter();
    const lateClient = await BenchClient.connect(server, 'harness-doc', { doc: late.doc });
    expect(late.doc.getText('text').toString()).toBe(writer.doc.getText('text').toString());
    for (const client of [reader, writerClient, lateClient]) client.close();
  });
});
