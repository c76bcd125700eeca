import { describe, expect, it } from 'vitest';
import { emptyRow, type ResultRow } from './results.ts';
import { judgeTargets, type TargetInputs } from './targets.ts';

function row(ours: number, yws: number, hocus: number): ResultRow {
  const r = emptyRow('x', 'ms', 'lower');
  r.cells.ours = { value: ours };
  r.cells['y-websocket-server'] = { value: yws };
  r.cells.hocuspocus = { value: hocus };
  return r;
}

function inputs(overrides: Partial<TargetInputs> = {}): TargetInputs {
  return {
    p99: row(10, 12, 11),
    throughput: row(1100, 1000, 900),
    memory: row(70, 90, 150),
    cpuPerUpdate: row(50, 52, 66),
    idleRss: row(85, 63, 60),
    coldCompacted: row(30, 0, 54),
    coldFloorMs: 11,
    ingest: row(30_000, 40_000, 25_000),
    ingestJoinMax: row(400, 10, 900),
    ...overrides,
  };
}

const statusOf = (results: ReturnType<typeof judgeTargets>, prefix: string) =>
  results.find((t) => t.target.startsWith(prefix))?.status;

describe('judgeTargets', () => {
  it('judges every target of issue 14 against the peers of the same run and the fixed bounds', () => {
    const results = judgeTargets(inputs());
    expect(results.map((t) => t.status)).toEqual(Array(results.length).fill('met'));
    expect(results[0]?.hocuspocus).toBe('11.0 ms');
  });

  it('flips each comparison with the figures', () => {
    const results = judgeTargets(
      inputs({
        p99: row(13, 12, 11),
        ingest: row(24_000, 40_000, 25_000),
        ingestJoinMax: row(1001, 10, 900),
        coldCompacted: row(34, 0, 54),
        throughput: row(950, 1000, 900),
        memory: row(81, 90, 150),
        idleRss: row(91, 63, 60),
      }),
    );
    expect(statusOf(results, 'a.')).toBe('not met');
    expect(statusOf(results, 'e. ingest')).toBe('not met');
    expect(statusOf(results, 'e. slowest')).toBe('not met');
    expect(statusOf(results, 'd. new client')).toBe('met'); // 34 ms is still below Hocuspocus's 54
    expect(statusOf(results, 'd. the same')).toBe('not met'); // but above 3 × 11 ms
    expect(statusOf(results, 'b. relayed')).toBe('not met');
    expect(statusOf(results, 'c. RSS per')).toBe('not met'); // ahead of both, above 80 KB
    expect(statusOf(results, 'c. server RSS')).toBe('not met');
  });

  it('says unknown when a figure is missing', () => {
    const failed = row(10, 0, 0);
    failed.cells['y-websocket-server'] = { failed: 'did not start' };
    failed.cells.hocuspocus = { failed: 'did not start' };
    const results = judgeTargets(inputs({ p99: failed, ingest: undefined, coldFloorMs: undefined }));
    expect(statusOf(results, 'a.')).toBe('unknown');
    expect(statusOf(results, 'e. ingest')).toBe('unknown');
    expect(statusOf(results, 'd. the same')).toBe('unknown');
  });
});
