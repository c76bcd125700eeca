import type { WebSocketLike } from '@hono/node-server';
import { CloseCode } from '@samverka/model';

interface Watched {
  socket: WebSocketLike & { ping?: () => void };
  lastSeen: number;
}

/**
 * One timer for all sockets: pings each at the ping interval and closes any
 * that has been silent (no message, no pong) for longer than the idle timeout.
 */
export class KeepAlive {
  private readonly watched = new Map<object, Watched>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    pingIntervalMs: number,
    private readonly idleTimeoutMs: number,
    private readonly onIdle: (socket: WebSocketLike) => void,
  ) {
    const tick = Math.min(pingIntervalMs, Math.max(250, Math.floor(idleTimeoutMs / 4)));
    let lastPing = Date.now();
    this.timer = setInterval(() => {
      const now = Date.now();
      const pingDue = now - lastPing >= pingIntervalMs;
      if (pingDue) lastPing = now;
      for (const entry of this.watched.values()) {
        if (now - entry.lastSeen > this.idleTimeoutMs) {
          this.onIdle(entry.socket);
          entry.socket.close(CloseCode.IDLE_TIMEOUT, 'IDLE_TIMEOUT');
          this.watched.delete(entry.socket);
        } else if (pingDue) {
          entry.socket.ping?.();
        }
      }
    }, tick);
    this.timer.unref();
  }

  watch(socket: WebSocketLike): void {
    const entry: Watched = { socket, lastSeen: Date.now() };
    this.watched.set(socket, entry);
    (socket as unknown as NodeJS.EventEmitter).on('pong', () => {
      entry.lastSeen = Date.now();
    });
  }

  /** Records activity; any message counts as proof of life. */
  seen(socket: WebSocketLike): void {
    const entry = this.watched.get(socket);
    if (entry) entry.lastSeen = Date.now();
  }

  forget(socket: WebSocketLike): void {
    this.watched.delete(socket);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
