import { describe, expect, it } from 'vitest';
import { SECTION_HEADING, withSection } from './markdownReport.ts';

const canvas = '## Canvas\n\nCanvas figures.\n\n| a | b |\n';

describe('withSection', () => {
  it('inserts the sync server section before other benches’ sections and keeps them', () => {
    const existing = `# Benchmarks\n\nIntro.\n\n${canvas}`;
    const result = withSection(existing, `${SECTION_HEADING}\n\nRun 1.\n\n### Results\n\nx\n`);
    expect(result.indexOf(SECTION_HEADING)).toBeLessThan(result.indexOf('## Canvas'));
    expect(result).toContain('Intro.');
    expect(result).toContain(canvas);
  });

  it('replaces only its own section, with its ### subsections, on a later run', () => {
    const first = withSection(`# Benchmarks\n\n${canvas}`, `${SECTION_HEADING}\n\nRun 1.\n\n### Results\n\nold\n`);
    const second = withSection(first, `${SECTION_HEADING}\n\nRun 2.\n\n### Results\n\nnew\n`);
    expect(second).toContain('Run 2.');
    expect(second).not.toContain('Run 1.');
    expect(second).not.toContain('old');
    expect(second).toContain(canvas);
    expect(second.match(new RegExp(SECTION_HEADING, 'g'))).toHaveLength(1);
  });

  it('starts a file when there is none', () => {
    expect(withSection('', `${SECTION_HEADING}\n\nRun.\n`)).toBe(`# Benchmarks\n\n${SECTION_HEADING}\n\nRun.\n`);
  });
});
