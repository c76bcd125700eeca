import { describe, expect, it } from 'vitest';
import { csvToEntries, entriesToCsv, UTF8_BOM } from './registerCsv.ts';
import { SAMPLE_GOAL, SAMPLE_RISK } from './registerSamples.ts';

const risk = SAMPLE_RISK;
const goal = SAMPLE_GOAL;

describe('register CSV', () => {
  for (const separator of ['comma', 'semicolon'] as const) {
    it(`round-trips every field of goals and risks (${separator})`, () => {
      const riskCsv = entriesToCsv('risks', [risk], separator);
      expect(riskCsv.startsWith(UTF8_BOM)).toBe(true);
      const risks = csvToEntries('risks', riskCsv);
      expect(risks).toEqual({ ok: true, entries: [{ id: 'r-1', values: expect.any(Object) }] });
      if (!risks.ok) return;
      expect({ id: risks.entries[0]?.id, ...risks.entries[0]?.values }).toEqual(risk);
      const goals = csvToEntries('goals', entriesToCsv('goals', [goal], separator));
      if (!goals.ok) throw new Error(JSON.stringify(goals.rows));
      expect({ id: goals.entries[0]?.id, ...goals.entries[0]?.values }).toEqual(goal);
    });
  }

  it('reports every bad row and field and accepts none', () => {
    const csv =
      'title,category,likelihood,impact,status\r\nOk,financial,3,3,open\r\nBad,financial,9,3,open\r\nWorse,nope,1,x,open\r\n';
    const result = csvToEntries('risks', csv);
    expect(result).toEqual({
      ok: false,
      rows: [
        { row: 3, field: 'likelihood', message: expect.any(String) },
        { row: 4, field: 'impact', message: 'must be a number' },
      ],
    });
  });

  it('refuses unknown columns', () => {
    expect(csvToEntries('goals', 'title,colour\r\nA,red\r\n')).toMatchObject({
      ok: false,
      rows: [{ row: 1, field: 'colour' }],
    });
  });
});
