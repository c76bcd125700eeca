import fs from 'node:fs';
import type { BenchConfig } from '../benchConfig.ts';
import { type EarlierRun, renderEarlierRuns, runsInSection } from './earlierRuns.ts';
import { resultsTable, targetsTable } from './format.ts';
import type { MachineInfo } from './machine.ts';
import type { ResultRow, TargetResult } from './results.ts';

/** This bench's part of docs/benchmarks.md; other benches own other `## ` sections. */
export const SECTION_HEADING = '## Sync server';

export interface ReportInput {
  date: Date;
  machine: MachineInfo;
  config: BenchConfig;
  rows: readonly ResultRow[];
  targets: readonly TargetResult[];
  notes: readonly string[];
  durationSeconds: number;
  /** Targets of the full runs before this one, newest first (read from the section being replaced). */
  earlierRuns?: readonly EarlierRun[];
}

/** Renders the sync server section of docs/benchmarks.md. */
export function renderReport(input: ReportInput): string {
  const { config, machine } = input;
  const t = config.throughput;
  return `${SECTION_HEADING}

Produced by \`pnpm bench\` (server/bench/main.ts) on ${input.date.toISOString()}${
    config.quick
      ? ' in **quick mode (BENCH_QUICK=1): every scenario shrunk about 10×, figures are a smoke test only**'
      : ''
  }. The whole run took ${Math.round(input.durationSeconds)} s.

### Machine

- CPUs (nproc): ${machine.cpus} — ${machine.cpuModel}
- RAM: ${machine.ramGiB} GiB
- Node: ${machine.node}
- Load average when the run started: ${machine.loadAverage} (the machine was shared with other work; figures are noisy)

### Method

All three servers run on loopback, each in its own child process started fresh (with a fresh data
folder) for every scenario, and are driven by the same client harness (server/bench/harness): plain
\`ws\` sockets speaking y-protocols (sync step 1/2, updates). Hocuspocus frames are prefixed with the
document name and opened with an auth frame, as its protocol requires; the payloads are identical.
Writers type one character per update into a Y.Text; receivers identify each update from its header
(writer client id, clock) without applying it, so the harness spends little CPU per message. The
harness shares the 2 cores with the server under test.

- **ours**: the real \`startServer\` (server/src) in a child process, started by
  server/bench/servers/oursOpenAccess.ts with every document open for editing, since the peers check no
  credentials either (so main.ts's per-upgrade session and membership lookup is not measured). Built as
  production is (esbuild, server/buildOptions.mjs) and run with \`pnpm start\`'s Node flags and
  environment; the peers run through tsx. SQLite, WAL, synchronous=FULL; every update is committed
  before it is relayed.
- **@y/websocket-server 0.1.1**: its \`setupWSConnection\`, no persistence (the floor).
- **Hocuspocus 3.4.4** with \`@hocuspocus/extension-database\` storing one state blob per document in
  SQLite (better-sqlite3, WAL, synchronous=FULL); its default store debounce (2 s, max 10 s) applies,
  so it does not persist every update.

Scenarios:

- **a. fan-out latency**: 1 writer and ${config.fanOut.readers} readers in one room; ${config.fanOut.updates} updates at ${config.fanOut.ratePerSecond}/s (after ${config.fanOut.warmupUpdates}
  uncounted warm-up updates); latency from send to receipt at every reader (same process, same clock);
  p50 and p99 over all deliveries.
- **b. throughput**: ${t.rooms} rooms × ${t.writersPerRoom} writers, closed loop: each writer keeps at most ${t.window} updates in flight
  (sent but not yet received by all its room peers), so load follows what the server relays and stays
  bounded. ${t.warmupMs / 1000} s warm-up, then ${t.durationMs / 1000} s measured. "Deliveries" count every update received by a peer
  (echoes to the sender excluded); server CPU from /proc/<pid>/stat, in % of one core.
- **c. memory**: ${config.memory.documents} documents, each loaded by a client that pushes a ~${Math.round(config.memory.documentBytes / 1000)} KB state (a prefix of the
  automerge-paper trace) and then stays connected, idle. (RSS after − RSS before) / documents, RSS from
  /proc/<pid>/status, median of 5 readings after the documents sat idle for ${config.memory.idleMs / 1000} s (the baseline after ${config.memory.settleMs / 1000} s
  settling). Includes each idle connection's cost.
- **d. cold load**: the automerge-paper trace (${config.coldLoad.edits === 'all' ? '259,778 edits, all' : `first ${config.coldLoad.edits} edits`}) replayed into a Y.Text, one
  update per edit. Ours: the per-edit updates appended into the SQLite update log through
  \`SqlUpdateLogStore.appendUpdates\` before the server starts; a new client's time from opening the
  socket until its sync step 2 is applied; then the server is killed, the log compacted with
  \`SqlUpdateLogStore.compact\`, a new server started and timed again. Hocuspocus: its stored state blob.
  @y/websocket-server has no persistence: n/a. Floor: \`Y.applyUpdate\` of the same state in one process
  (median of 5). The synced text is checked against the replayed text${
    config.coldLoad.edits === 'all' ? ' (which equals the trace’s endContent)' : ''
  }.
- **e. ingest**: one client sends the same per-edit updates as fast as the server takes them: at
  most ${config.ingest.window} updates in flight (sent, not yet relayed to a reader in the same room). Rate =
  updates / time from the first send to the reader's last receipt. Every ${config.ingest.joinEveryMs / 1000} s during the replay
  a new client opens the document and is timed until its sync step 2 (the whole, growing document)
  arrives; a join not synced within ${config.ingest.joinTimeoutMs / 1000} s counts at that limit.

The targets table judges issue 14's sync-server goals against the peers of the same run; the machine
load varies between runs, so ratios within one run are what count.

Run it with \`pnpm bench\` (full run; only a full run rewrites this section). \`BENCH_QUICK=1\` shrinks every
scenario about 10× for a smoke run; \`BENCH_ONLY=a,c\`, \`BENCH_SERVERS=ours,hocuspocus\` and
\`BENCH_OURS_<VAR>=value\` (an env var for our server only) are for experiments; those runs write to a
temp file. The harness's tests: \`npx vitest run --config server/bench/vitest.config.ts\`.

### Results

${resultsTable(input.rows)}

### Targets (issue 14)

${targetsTable(input.targets)}

### Notes

${input.notes.map((n) => `- ${n}`).join('\n')}
${input.earlierRuns?.length ? `\n${renderEarlierRuns(input.earlierRuns)}` : ''}`;
}

/**
 * Writes the sync server section of `file`, replacing an earlier one and
 * keeping every other section (e.g. the Canvas section of pnpm bench:canvas).
 */
export function writeReport(file: string, input: ReportInput): void {
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const previous = currentSection(existing);
  const earlierRuns = previous ? runsInSection(previous) : [];
  fs.writeFileSync(file, withSection(existing, renderReport({ ...input, earlierRuns })));
}

/** The sync server section of `text`, if it has one. */
export function currentSection(text: string): string | undefined {
  const start = text.indexOf(`\n${SECTION_HEADING}\n`);
  if (start < 0) return undefined;
  const next = text.indexOf('\n## ', start + SECTION_HEADING.length + 1);
  return next >= 0 ? text.slice(start + 1, next) : text.slice(start + 1);
}

/** `existing` with its sync server section replaced by `section` (inserted before other sections if absent). */
export function withSection(existing: string, section: string): string {
  const text = existing.trim() ? existing : '# Benchmarks\n';
  const start = text.indexOf(`\n${SECTION_HEADING}\n`);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + SECTION_HEADING.length + 1);
    const after = next >= 0 ? text.slice(next + 1) : '';
    return `${text.slice(0, start).trimEnd()}\n\n${section.trimEnd()}\n${after ? `\n${after}` : ''}`;
  }
  const firstSection = text.indexOf('\n## ');
  if (firstSection < 0) return `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  return `${text.slice(0, firstSection).trimEnd()}\n\n${section.trimEnd()}\n\n${text.slice(firstSection + 1)}`;
}
