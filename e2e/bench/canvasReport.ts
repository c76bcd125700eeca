import { writeBenchSection } from './benchReport.ts';
import type { DragLatency } from './dragLatency.ts';
import type { UpdateBytes } from './updateBytes.ts';

const HEADING = '## Canvas';

export interface CanvasFigures {
  shapes: number;
  documentBytes: number;
  loads: number[];
  loadMedian: number;
  drag: DragLatency;
  /** Document updates browser A sent during the drag. */
  dragUpdates: UpdateBytes;
  dragSteps: number;
  machine: string;
  totalSeconds: number;
}

function section(f: CanvasFigures): string {
  return `${HEADING}

Produced by \`pnpm bench:canvas\` (e2e/bench/canvasBench.ts) on ${new Date().toISOString()}: the production
build and the real server (SQLite), headless Chromium at 1280×800, two signed-up members of one
partnership. ${f.machine}. The run took ${f.totalSeconds} s.

| measure | value |
|---|---|
| board | ${f.shapes} rectangles (tldraw geo records in the board's stored shape, canvas schema version 2) |
| document size (encoded Yjs state) | ${(f.documentBytes / 1024).toFixed(0)} KiB |
| navigation → interactive canvas (fresh context each: no cache, no IndexedDB; shapes drawn and connected) | median ${f.loadMedian} ms (runs: ${f.loads.join(', ')} ms) |
| update bytes per drag frame (Yjs update frames A sent during the drag, WebSocket payload) | ${(f.dragUpdates.bytes / Math.max(1, f.dragUpdates.frames)).toFixed(1)} bytes (${f.dragUpdates.frames} frames, ${f.dragUpdates.bytes} bytes) |
| drag latency, browser A → browser B (${f.dragSteps}-step continuous drag; ${f.drag.samples} positions B rendered) | p50 ${f.drag.p50.toFixed(1)} ms, p95 ${f.drag.p95.toFixed(1)} ms, max ${f.drag.max.toFixed(1)} ms |

Drag latency is measured from the pointer move in A that produced a position (matched through the
position A itself rendered) to B's DOM showing that position; both browsers and the server share the
machine's cores, so this includes scheduling between them.
`;
}

/** Writes the Canvas section of docs/benchmarks.md, replacing an earlier one and keeping the rest. */
export function writeCanvasReport(figures: CanvasFigures): void {
  const text = section(figures);
  writeBenchSection(HEADING, text.slice(text.indexOf('\n\n') + 2));
}
