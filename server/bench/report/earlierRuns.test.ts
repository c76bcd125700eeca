import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBenchConfig } from '../benchConfig.ts';
import { EARLIER_RUNS_HEADING, EARLIER_RUNS_KEPT, runsInSection } from './earlierRuns.ts';
import { currentSection, type ReportInput, writeReport } from './markdownReport.ts';
import type { TargetResult } from './results.ts';

function fullRun(p99: string, date: string, load: string): ReportInput {
  const target: TargetResult = {
    target: 'a. fan-out p99',
    goal: '≤ the better peer’s',
    ours: p99,
    yWebsocket: '5 ms',
    hocuspocus: '4 ms',
    status: 'not met',
  };
  return {
    date: new Date(date),
    machine: { cpus: 2, cpuModel: 'test cpu', ramGiB: 1, node: 'v24', loadAverage: load },
    config: loadBenchConfig({}),
    rows: [],
    targets: [target],
    notes: [],
    durationSeconds: 1,
  };
}

describe('earlier runs in the sync server section', () => {
  it('keeps the targets of the runs before the latest, newest first, and drops the oldest', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-')), 'benchmarks.md');
    fs.writeFileSync(file, '# Benchmarks\n\n## Canvas\n\nCanvas figures.\n');
    const runs = [
      fullRun('11 ms', '2026-11-28T01:00:00Z', '0.10, 0.20, 0.30'),
      fullRun('22 ms', '2026-11-28T02:00:00Z', '0.40, 0.50, 0.60'),
      fullRun('33 ms', '2026-11-28T03:00:00Z', '0.70, 0.80, 0.90'),
      fullRun('44 ms', '2026-11-28T04:00:00Z', '1.00, 1.10, 1.20'),
    ];
    for (const run of runs) writeReport(file, run);

    const text = fs.readFileSync(file, 'utf8');
    const section = currentSection(text) ?? '';
    expect(text).toContain('## Canvas\n\nCanvas figures.');
    expect(section.match(new RegExp(EARLIER_RUNS_HEADING.replace(/[()]/g, '\\$&'), 'g'))).toHaveLength(1);
    // The latest run is the section's own; the two before it are kept as earlier runs; the first is gone.
    const kept = runsInSection(section);
    expect(kept.map((run) => run.heading)).toEqual([
      'Run of 2026-11-28T04:00:00.000Z, load average 1.00, 1.10, 1.20 at its start:',
      'Run of 2026-11-28T03:00:00.000Z, load average 0.70, 0.80, 0.90 at its start:',
      'Run of 2026-11-28T02:00:00.000Z, load average 0.40, 0.50, 0.60 at its start:',
    ]);
    expect(kept).toHaveLength(EARLIER_RUNS_KEPT + 1);
    expect(kept[1]?.table).toContain('33 ms');
    expect(kept[2]?.table).toContain('22 ms');
    expect(section).not.toContain('11 ms');
  });

  it('starts without an earlier-runs subsection when there was no run before', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-')), 'benchmarks.md');
    writeReport(file, fullRun('11 ms', '2026-11-28T01:00:00Z', '0.10'));
    expect(fs.readFileSync(file, 'utf8')).not.toContain(EARLIER_RUNS_HEADING);
  });
});
