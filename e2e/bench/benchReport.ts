import fs from 'node:fs';
import path from 'node:path';

const reportFile = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');

/**
 * Writes one `## ...` section of docs/benchmarks.md, replacing an earlier one in
 * place (or adding it before the hand-written notes) and keeping the rest.
 */
export function writeBenchSection(heading: string, body: string): void {
  const existing = fs.existsSync(reportFile) ? fs.readFileSync(reportFile, 'utf8') : '# Benchmarks\n';
  const section = `${heading}\n\n${body}`;
  const start = existing.indexOf(`\n${heading}\n`);
  if (start >= 0) {
    const next = existing.indexOf('\n## ', start + heading.length + 1);
    const after = next >= 0 ? existing.slice(next) : '';
    fs.writeFileSync(reportFile, `${existing.slice(0, start).trimEnd()}\n\n${section}${after}`);
    return;
  }
  const notes = existing.indexOf('\n## Notes on these figures');
  if (notes >= 0) {
    fs.writeFileSync(reportFile, `${existing.slice(0, notes).trimEnd()}\n\n${section}${existing.slice(notes)}`);
  } else fs.writeFileSync(reportFile, `${existing.trimEnd()}\n\n${section}`);
}
