import { describe, expect, it } from 'vitest';
import { CoveredRows } from './coveredRows.ts';

describe('CoveredRows', () => {
  it('lists the rows loaded and appended', () => {
    const rows = new CoveredRows([1, 2]);
    rows.add(5);
    expect(rows.list().sort()).toEqual([1, 2, 5]);
  });

  it('keeps a compaction’s row when every row merged into it was covered', () => {
    const rows = new CoveredRows([1, 2, 3]);
    rows.compacted([1, 2, 3]);
    expect(rows.list()).toEqual([3]);
  });

  it('drops a compaction’s row that merged a row the doc never applied', () => {
    const rows = new CoveredRows([1, 3, 7]);
    rows.compacted([1, 2, 3]);
    expect(rows.list()).toEqual([7]);
  });
});
