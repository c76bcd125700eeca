/**
 * Keeps the targets tables of earlier full `pnpm bench` runs in the sync server section, so that
 * docs/benchmarks.md shows the latest run and the ones before it side by side: run-to-run noise
 * on a shared 2-core machine is 10–30 %, and a target judged on one run says little.
 */

/** How many runs before the latest one the section keeps. */
export const EARLIER_RUNS_KEPT = 2;

export const EARLIER_RUNS_HEADING = '### Earlier runs (targets)';

/** One earlier run: a heading line naming its date and load, then its targets table. */
export interface EarlierRun {
  heading: string;
  table: string;
}

const PRODUCED_ON = /Produced by `pnpm bench` \(server\/bench\/main\.ts\) on (\d{4}-\d\d-\d\dT[\d:.]+Z)/;
const LOAD_LINE = /Load average when the run started: ([\d.]+(?:, [\d.]+)*)/;

/** The subsection of `section` that starts at `heading`, without the heading, up to the next `### `. */
function subsection(section: string, heading: string): string | undefined {
  const start = section.indexOf(`\n${heading}\n`);
  if (start < 0) return undefined;
  const bodyStart = start + heading.length + 2;
  const next = section.indexOf('\n### ', bodyStart);
  return (next >= 0 ? section.slice(bodyStart, next) : section.slice(bodyStart)).trim();
}

/** The runs a previously written sync server section holds: its own latest run first, then its earlier ones. */
export function runsInSection(section: string): EarlierRun[] {
  const runs: EarlierRun[] = [];
  const latestTable = subsection(section, '### Targets (issue 14)');
  const date = PRODUCED_ON.exec(section)?.[1];
  // Partial and quick runs never reach docs/benchmarks.md, so whatever is there was a full run.
  if (latestTable && date && !section.includes('quick mode (BENCH_QUICK=1)')) {
    const load = LOAD_LINE.exec(section)?.[1];
    runs.push({ heading: `Run of ${date}${load ? `, load average ${load} at its start` : ''}:`, table: latestTable });
  }
  const earlier = subsection(section, EARLIER_RUNS_HEADING);
  if (earlier) {
    // Each earlier run is a paragraph line ending in ':' followed by its table.
    for (const block of earlier.split(/\n(?=Run of )/)) {
      const newline = block.indexOf('\n');
      if (!block.startsWith('Run of ') || newline < 0) continue;
      runs.push({ heading: block.slice(0, newline).trim(), table: block.slice(newline + 1).trim() });
    }
  }
  return runs;
}

/** Renders the earlier-runs subsection (empty string when there is nothing to keep). */
export function renderEarlierRuns(runs: readonly EarlierRun[]): string {
  const kept = runs.slice(0, EARLIER_RUNS_KEPT);
  if (kept.length === 0) return '';
  return `${EARLIER_RUNS_HEADING}

The targets tables of the full runs before this one, newest first (rewritten by each full run; the
${EARLIER_RUNS_KEPT} most recent are kept), so the noise between runs is visible.

${kept.map((run) => `${run.heading}\n\n${run.table}`).join('\n\n')}
`;
}
