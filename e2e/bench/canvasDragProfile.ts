/**
 * node --import tsx e2e/bench/canvasDragProfile.ts — where a remote drag's time goes
 * (a diagnostic for `pnpm bench:canvas`, after `pnpm build`): the same board and drag,
 * with every sync frame timed as browser A sends it and browser B receives it, so the
 * latency splits into A (pointer move → frame sent), the server (sent → received) and
 * B (received → position drawn). With PROFILE_TRACE=dir, a Chromium trace of both pages
 * (timeline and JS samples) are written there for chrome://tracing or DevTools.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { addMember, apiCall } from '../../server/test/support/testAccounts.ts';
import { seedBoard } from './benchBoard.ts';
import { personPage, startBenchRun, summarizeLatencies } from './benchBrowser.ts';
import { measureDragLatency } from './dragLatency.ts';

interface Frame {
  t: number;
  kind: number;
  key: string;
}

/** Records every sync frame the page sends and receives (time, message type, bytes as text). */
async function timeFrames(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap the helpers in `__name`, which the page lacks.
  await page.addInitScript(`{
    const sent = [];
    const received = [];
    window.__sent = sent;
    window.__received = received;
    const keyOf = (bytes) => Array.from(bytes.subarray(0, 200)).join(',');
    const now = () => performance.timeOrigin + performance.now();
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      if (data instanceof Uint8Array) sent.push({ t: now(), kind: data[0], key: keyOf(data) });
      return send.call(this, data);
    };
    const descriptor = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
    Object.defineProperty(WebSocket.prototype, 'onmessage', {
      configurable: true,
      get() { return descriptor.get.call(this); },
      set(handler) {
        descriptor.set.call(this, (event) => {
          if (event.data instanceof ArrayBuffer) {
            const bytes = new Uint8Array(event.data);
            received.push({ t: now(), kind: bytes[0], key: keyOf(bytes) });
          }
          handler.call(this, event);
        });
      },
    });
  }`);
}

async function startTrace(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'disabled-by-default-v8.cpu_profiler',
        'blink.user_timing',
        'toplevel',
      ],
    },
  });
  return cdp;
}

async function stopTrace(cdp: CDPSession, file: string): Promise<void> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const stream = await done;
  const parts: string[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  fs.writeFileSync(file, parts.join(''));
}

function line(name: string, values: number[]): string {
  const s = summarizeLatencies(values);
  return `${name}: n=${s.samples} p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} max ${s.max.toFixed(1)} ms`;
}

async function main() {
  const traceDir = process.env.PROFILE_TRACE;
  const { browser, owner, partnership, close } = await startBenchRun();
  try {
    const created = await apiCall<{ document: { id: string } }>(
      owner,
      'POST',
      `/api/partnerships/${partnership.id}/documents`,
      { kind: 'canvas', title: 'Profiled board' },
    );
    const documentId = created.body.document.id;
    const partner = await addMember(owner, partnership.id, 'editor');
    const boardPath = `/p/${partnership.id}/canvas/${documentId}`;
    await seedBoard(owner, documentId, 2_000);

    const anna = await personPage(browser, owner);
    const erik = await personPage(browser, partner);
    await timeFrames(anna);
    await timeFrames(erik);
    for (const page of [anna, erik]) {
      await page.goto(boardPath);
      await page.locator('.tl-shape[data-shape-type="geo"]').first().waitFor({ timeout: 180_000 });
      await page.locator('output.connection[data-state="connected"]').waitFor({ timeout: 180_000 });
    }
    await erik.waitForTimeout(1000);
    // Tracing is browser-wide: one trace holds both pages' renderers.
    const trace = traceDir ? await startTrace(anna) : undefined;
    const drag = await measureDragLatency(anna, erik, 'shape:bench-0', 200);
    if (traceDir) {
      fs.mkdirSync(traceDir, { recursive: true });
      await stopTrace(trace as CDPSession, path.join(traceDir, 'trace.json'));
    }
    console.log(line('drag latency A pointer → B drawn', [drag.p50]), JSON.stringify(drag));

    type W = { __sent: Frame[]; __received: Frame[]; __moves: number[]; __transforms: { t: number }[] };
    const read = (page: Page) =>
      page.evaluate(() => {
        const w = window as unknown as W;
        return { sent: w.__sent, received: w.__received, moves: w.__moves ?? [], transforms: w.__transforms ?? [] };
      });
    const a = await read(anna);
    const b = await read(erik);
    console.log(
      `frames recorded: A sent ${a.sent.length}, A received ${a.received.length}, B sent ${b.sent.length}, B received ${b.received.length}`,
    );
    const from = a.moves[0] ?? 0;
    const to = (a.moves.at(-1) ?? 0) + 1000;
    const during = (f: { t: number }) => f.t >= from && f.t <= to;
    const aUpdates = a.sent.filter((f) => f.kind === 0 && during(f));
    const aAwareness = a.sent.filter((f) => f.kind === 1 && during(f));
    const bIn = b.received.filter(during);
    console.log(
      `A sent ${aUpdates.length} update frames, ${aAwareness.length} awareness frames over ${((a.moves.at(-1) ?? from) - from).toFixed(0)} ms for ${a.moves.length} pointer moves`,
    );
    console.log(
      `B received ${bIn.filter((f) => f.kind === 0).length} update, ${bIn.filter((f) => f.kind === 1).length} awareness, ${bIn.filter((f) => f.kind > 1).length} other frames`,
    );
    const pointerToSend: number[] = [];
    const server: number[] = [];
    const receiveToDrawn: number[] = [];
    for (const f of aUpdates) {
      let cause: number | undefined;
      for (const m of a.moves) if (m <= f.t) cause = m;
      if (cause !== undefined) pointerToSend.push(f.t - cause);
      const got = bIn.find((r) => r.key === f.key);
      if (!got) continue;
      server.push(got.t - f.t);
      const drawn = b.transforms.find((s) => s.t >= got.t);
      if (drawn) receiveToDrawn.push(drawn.t - got.t);
    }
    console.log(line('A pointer move → update frame sent', pointerToSend));
    console.log(line('A sent → B received (server commit + relay)', server));
    console.log(line('B received → next position drawn', receiveToDrawn));
    const gaps = a.moves.slice(1).map((m, i) => m - (a.moves[i] as number));
    console.log(line('gap between pointer moves in A', gaps));
  } finally {
    await close();
  }
}

await main();
