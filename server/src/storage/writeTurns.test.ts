import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { MainWriteTurns, yieldToMainWrites } from './writeTurns.ts';

/** A thread that waits for the main thread's writes (as the writer thread does) and then reports. */
function yieldingThread(shared: Int32Array, maxMs: number): Worker {
  const module = new URL('./writeTurns.ts', import.meta.url).href;
  return new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(${JSON.stringify(module)}).then(({ yieldToMainWrites }) => {
       parentPort.postMessage('waiting');
       yieldToMainWrites(workerData.shared, workerData.maxMs);
       parentPort.postMessage('done');
     });`,
    { eval: true, workerData: { shared, maxMs } },
  );
}

describe('turns at the write lock', () => {
  it('the writer thread holds back while a main-thread write is under way, and goes on when it ends', async () => {
    const turns = new MainWriteTurns();
    turns.begin();
    const thread = yieldingThread(turns.shared, 60_000);
    const events: string[] = [];
    thread.on('message', (message: string) => events.push(message));
    while (!events.includes('waiting')) await sleep(10);
    await sleep(200);
    events.push('main write ended');
    turns.end();
    await once(thread, 'exit');
    expect(events).toEqual(['waiting', 'main write ended', 'done']);
  });

  it('goes on at once when nothing waits, and counts nested turns', () => {
    const turns = new MainWriteTurns();
    yieldToMainWrites(turns.shared, 60_000); // would block for a minute if it waited
    turns.begin();
    turns.begin();
    turns.end();
    expect(Atomics.load(turns.shared, 0)).toBe(1);
    turns.end();
    expect(Atomics.load(turns.shared, 0)).toBe(0);
  });

  it('gives up waiting after its limit (a main transaction may await other work)', async () => {
    const turns = new MainWriteTurns();
    turns.begin();
    const thread = yieldingThread(turns.shared, 50);
    const [message] = await once(thread, 'message');
    expect(message).toBe('waiting');
    const [done] = await once(thread, 'message');
    expect(done).toBe('done');
    turns.end();
  });
});
