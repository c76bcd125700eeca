import { describe, expect, it } from 'vitest';
import { emptyRow, type ResultRow } from './results.ts';
import { judgeTargets } from './targets.ts';

function row(ours: number, yws: number, hocus: number): ResultRow {
  const r = emptyRow('x', 'ms', 'lower');
  r.cells.ours = { value: ours };
  r.cells['y-websocket-server'] = { value: yws };
  r.cells.hocuspocus = { value: hocus };
  return r;
}

describe('judgeTargets', () => {
  it('compares latency and memory with the better peer, throughput with y-websocket, cold load with 1.5× the floor', () => {
    const [latency, throughput, memory, cold] = judgeTargets({
      p99: row(10, 12, 11),
      throughput: row(900, 1000, 100),
      memory: row(50, 40, 60),
      coldCompactedMs: 149,
      coldFloorMs: 100,
    });
    expect(latency?.status).toBe('met');
    expect(throughput?.status).toBe('not met');
    expect(memory?.status).toBe('not met');
    expect(memory?.evidence).toContain('y-websocket-server');
    expect(cold?.status).toBe('met');
  });

  it('flips with the figures, and says unknown when a peer failed', () => {
    const failed = row(10, 0, 0);
    failed.cells['y-websocket-server'] = { failed: 'did not start' };
    failed.cells.hocuspocus = { failed: 'did not start' };
    const [latency, throughput, , cold] = judgeTargets({
      p99: failed,
      throughput: row(1001, 1000, 100),
      memory: row(50, 40, 60),
      coldCompactedMs: 151,
      coldFloorMs: 100,
    });
    expect(latency?.status).toBe('unknown');
    expect(throughput?.status).toBe('met');
    expect(cold?.status).toBe('not met');
  });
});
