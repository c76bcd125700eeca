import fs from 'node:fs';
import path from 'node:path';

const reportFile = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');

/** Writes one `## heading` section of docs/benchmarks.md, replacing an earlier one and keeping the rest. */
export function writeReportSection(heading: string, section: string): void {
  const existing = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : '# Benchmarks\n';
  const start = existing.indexOf(`\n${heading}\n`);
  let before = existing;
  let after = '';
  if (start >= 0) {
    before = existing.slice(0, start);
    const next = existing.indexOf('\n## ', start + heading.length + 1);
    after = next >= 0 ? existing.slice(next) : '';
  }
  fs.writeFileSync(reportFile, `${before.trimEnd()}\n\n${section}${after}`);
}
