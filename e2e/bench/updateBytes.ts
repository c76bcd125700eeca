import type { Page } from '@playwright/test';

/** y-websocket: message type "sync" (0), sync message "update" (2). */
const SYNC = 0;
const UPDATE = 2;

export interface UpdateBytes {
  /** Yjs update frames the page sent while recording. */
  frames: number;
  /** Their total size in bytes (the whole WebSocket payload, framing included). */
  bytes: number;
}

export interface UpdateFrameRecorder {
  /** Forgets what was counted so far and starts counting. */
  start(): void;
  /** Stops counting and returns the totals since `start`. */
  stop(): UpdateBytes;
}

/**
 * Counts the document-update frames a page sends over its sync socket (awareness
 * frames, such as the cursor, are not counted). Attach before the page navigates.
 */
export function recordUpdateFrames(page: Page): UpdateFrameRecorder {
  let totals: UpdateBytes = { frames: 0, bytes: 0 };
  let recording = false;
  const onFrame = (payload: string | Buffer) => {
    if (!recording || typeof payload === 'string') return;
    if (payload[0] !== SYNC || payload[1] !== UPDATE) return;
    totals.frames += 1;
    totals.bytes += payload.length;
  };
  page.on('websocket', (socket) => {
    if (socket.url().includes('/sync/')) socket.on('framesent', ({ payload }) => onFrame(payload));
  });
  return {
    start() {
      totals = { frames: 0, bytes: 0 };
      recording = true;
    },
    stop() {
      recording = false;
      return totals;
    },
  };
}
