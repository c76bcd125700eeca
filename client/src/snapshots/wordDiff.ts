/** One run of a word-level diff: text both sides share, or only the old or the new side has. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Words and the whitespace between them as separate tokens, so joining the parts gives back the text exactly. */
function tokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Above this many cells the LCS table costs too much; the section is then shown as replaced whole. */
const MAX_CELLS = 4_000_000;

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string) {
  const last = parts[parts.length - 1];
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * A readable word-level diff of two texts (longest common subsequence of words),
 * with removals before additions where both happen at one place.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const parts: DiffPart[] = [];
  // Common head and tail first: most edits touch a small part of a section.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail])
    tail += 1;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (head > 0) push(parts, 'same', a.slice(0, head).join(''));
  if (midA.length * midB.length > MAX_CELLS) {
    if (midA.length) push(parts, 'removed', midA.join(''));
    if (midB.length) push(parts, 'added', midB.join(''));
  } else {
    const n = midA.length;
    const m = midB.length;
    // lcs[i][j]: the longest common run of midA[i..] and midB[j..], in one flat array.
    const table = new Uint32Array((n + 1) * (m + 1));
    const lcs = (i: number, j: number) => table[i * (m + 1) + j] ?? 0;
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        table[i * (m + 1) + j] = midA[i] === midB[j] ? lcs(i + 1, j + 1) + 1 : Math.max(lcs(i + 1, j), lcs(i, j + 1));
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        push(parts, 'same', midA[i] as string);
        i += 1;
        j += 1;
      } else if (lcs(i + 1, j) >= lcs(i, j + 1)) {
        push(parts, 'removed', midA[i] as string);
        i += 1;
      } else {
        push(parts, 'added', midB[j] as string);
        j += 1;
      }
    }
    if (i < n) push(parts, 'removed', midA.slice(i).join(''));
    if (j < m) push(parts, 'added', midB.slice(j).join(''));
  }
  if (tail > 0) push(parts, 'same', a.slice(a.length - tail).join(''));
  return parts;
}
