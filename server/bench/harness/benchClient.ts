import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { BenchServer } from '../servers/benchServer.ts';
import { withTimeout } from './stats.ts';
import { framingFor, type WireFraming } from './wireFraming.ts';

/** y-protocols message types (y-websocket wire protocol). */
const MESSAGE_SYNC = 0;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Hocuspocus answers each sync message with "sync reply" (4) in some paths; same payload. */
const HOCUSPOCUS_SYNC_REPLY = 4;

/** Called for every relayed update: the first struct's writer client id and clock, and receipt time. */
export type UpdateListener = (writerClientId: number, clock: number, receivedAt: number) => void;

export interface BenchClientOptions {
  /** The client's own document; sync step 2 is applied into it. Default: none (header-only client). */
  doc?: Y.Doc;
  onUpdate?: UpdateListener;
  /** Called for every relayed update frame, also those without inserted structs (deletions only). */
  onUpdateFrame?: () => void;
  timeoutMs?: number;
}

/**
 * A lean y-protocols client over `ws`, the same for all three servers. It does
 * the sync handshake, sends updates, and reads only the header (client, clock)
 * of relayed updates, so the harness spends little CPU per message.
 */
export class BenchClient {
  private readonly step2Waiters: Array<(update: Uint8Array) => void> = [];
  private closed = false;

  private constructor(
    private readonly ws: WebSocket,
    private readonly framing: WireFraming,
    private readonly options: BenchClientOptions,
  ) {}

  /** Opens a socket to `documentId` and resolves once the first sync step 2 has arrived. */
  static async connect(
    server: BenchServer,
    documentId: string,
    options: BenchClientOptions = {},
  ): Promise<BenchClient> {
    const ws = new WebSocket(server.urlFor(documentId), { perMessageDeflate: false });
    ws.binaryType = 'arraybuffer';
    const client = new BenchClient(ws, framingFor(server.kind, documentId), options);
    const firstStep2 = client.nextStep2();
    ws.on('message', (data: ArrayBuffer) => client.receive(new Uint8Array(data)));
    ws.on('error', () => undefined); // a failed socket shows up as a timeout below
    ws.on('close', () => {
      client.closed = true;
    });
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
        ws.once('close', (code) => reject(new Error(`closed during connect: ${code}`)));
      }),
      options.timeoutMs ?? 30_000,
      `open ${documentId}`,
    );
    for (const frame of client.framing.opening()) ws.send(frame);
    client.sendStep1(options.doc ? Y.encodeStateVector(options.doc) : new Uint8Array([0]));
    await withTimeout(firstStep2, options.timeoutMs ?? 30_000, `sync ${documentId}`);
    return client;
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === WebSocket.OPEN;
  }

  /** Bytes queued in the socket but not yet written (backpressure). */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  /** Sends a Yjs update as a y-protocols update message. */
  sendUpdate(update: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
    this.ws.send(this.framing.wrap(encoding.toUint8Array(encoder)));
  }

  /** Asks for the server's whole state (sync step 1 with an empty state vector); resolves with it. */
  async fetchState(timeoutMs = 30_000): Promise<Uint8Array> {
    const next = this.nextStep2();
    this.sendStep1(new Uint8Array([0]));
    return withTimeout(next, timeoutMs, 'fetch state');
  }

  close(): void {
    this.closed = true;
    this.ws.terminate();
  }

  private nextStep2(): Promise<Uint8Array> {
    return new Promise((resolve) => this.step2Waiters.push(resolve));
  }

  private sendStep1(stateVector: Uint8Array): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_STEP1);
    encoding.writeVarUint8Array(encoder, stateVector);
    this.ws.send(this.framing.wrap(encoding.toUint8Array(encoder)));
  }

  private receive(frame: Uint8Array): void {
    const receivedAt = performance.now();
    const decoder = decoding.createDecoder(this.framing.unwrap(frame));
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== HOCUSPOCUS_SYNC_REPLY) return; // awareness, acks, auth
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SYNC_STEP1) {
      // Answer like a real provider: send what the server lacks.
      const stateVector = decoding.readVarUint8Array(decoder);
      const diff = this.options.doc ? Y.encodeStateAsUpdate(this.options.doc, stateVector) : new Uint8Array([0, 0]);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, SYNC_STEP2);
      encoding.writeVarUint8Array(encoder, diff);
      this.ws.send(this.framing.wrap(encoding.toUint8Array(encoder)));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (syncType === SYNC_STEP2) {
      if (this.options.doc) Y.applyUpdate(this.options.doc, update, 'server');
      this.step2Waiters.shift()?.(update);
      return;
    }
    if (syncType === SYNC_UPDATE) this.options.onUpdateFrame?.();
    if (syncType === SYNC_UPDATE && this.options.onUpdate) {
      const header = readUpdateHeader(update);
      if (header) this.options.onUpdate(header.client, header.clock, receivedAt);
    }
  }
}

/**
 * The writer and first clock of a v1 update, without decoding its structs:
 * [number of client groups][number of structs][client][clock]...
 */
export function readUpdateHeader(update: Uint8Array): { client: number; clock: number } | undefined {
  const decoder = decoding.createDecoder(update);
  const groups = decoding.readVarUint(decoder);
  if (groups === 0) return undefined;
  decoding.readVarUint(decoder);
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return { client, clock };
}

/** Opens `count` clients with at most `parallel` handshakes in flight. */
export async function connectMany(
  count: number,
  parallel: number,
  open: (index: number) => Promise<BenchClient>,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = new Array(count);
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      clients[index] = await open(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, lane));
  return clients;
}
