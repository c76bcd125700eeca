import {
  type FieldIssue,
  type FieldSpec,
  REGISTER_ENTRY_SCHEMAS,
  REGISTER_FIELDS,
  type RegisterEntryOf,
} from './registerFields.ts';

/** The entry kinds with a CSV form. */
export const REGISTER_CSV_KINDS = ['goals', 'risks'] as const;
export type RegisterCsvKind = (typeof REGISTER_CSV_KINDS)[number];

/** Cell separators: comma (English spreadsheets) or semicolon (what Swedish Excel expects). */
export const CSV_SEPARATORS = { comma: ',', semicolon: ';' } as const;
export type CsvSeparator = keyof typeof CSV_SEPARATORS;

/** Excel reads a CSV file as UTF-8 only when it starts with this byte-order mark. */
export const UTF8_BOM = '\uFEFF';
/** Members of a set field share one cell, joined by this. */
const SET_JOINER = '|';

/** The columns of a kind's CSV: `id`, then every field in the model's order. */
export function csvColumns(kind: RegisterCsvKind): string[] {
  return ['id', ...Object.keys(REGISTER_FIELDS[kind])];
}

function specOf(kind: RegisterCsvKind, field: string): FieldSpec {
  return (REGISTER_FIELDS[kind] as Record<string, FieldSpec>)[field] as FieldSpec;
}

function encodeCell(spec: FieldSpec | undefined, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (spec?.storage === 'set') return (value as string[]).join(SET_JOINER);
  if (spec?.storage === 'indicators') return (value as unknown[]).length === 0 ? '' : JSON.stringify(value);
  return String(value);
}

function quoteCell(cell: string, separator: string): string {
  return /["\r\n]/.test(cell) || cell.includes(separator) || /^\s|\s$/.test(cell)
    ? `"${cell.replaceAll('"', '""')}"`
    : cell;
}

/** Entries as CSV text: BOM, a header row of field names, one CRLF-ended row per entry. */
export function entriesToCsv<K extends RegisterCsvKind>(
  kind: K,
  entries: readonly RegisterEntryOf[K][],
  separator: CsvSeparator = 'comma',
): string {
  const sep = CSV_SEPARATORS[separator];
  const columns = csvColumns(kind);
  const lines = [columns.join(sep)];
  for (const entry of entries) {
    const record = entry as unknown as Record<string, unknown>;
    lines.push(columns.map((column) => quoteCell(encodeCell(specOf(kind, column), record[column]), sep)).join(sep));
  }
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold separators, quotes and line breaks). */
export function parseCsv(text: string, separator: string): string[][] | { error: string; row: number } {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith(UTF8_BOM) ? 1 : 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else quoted = false;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (quoted) return { error: 'a quoted cell is never closed', row: rows.length + 1 };
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows.filter((cells) => cells.length > 1 || cells[0] !== '');
}

/** Which separator a file uses, read from its header row (field names hold neither). */
export function detectSeparator(text: string): string {
  const header = text.slice(0, text.search(/\r|\n|$/));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
}

function decodeCell(spec: FieldSpec, cell: string): { value: unknown } | { issue: string } {
  if (spec.storage === 'text') return { value: cell };
  if (spec.storage === 'set') return { value: cell === '' ? [] : cell.split(SET_JOINER).map((m) => m.trim()) };
  if (spec.storage === 'indicators') {
    if (cell.trim() === '') return { value: [] };
    try {
      return { value: JSON.parse(cell) };
    } catch {
      return { issue: 'indicators must be a JSON list' };
    }
  }
  if (cell === '') return { value: undefined };
  if (spec.numeric) {
    const number = Number(cell.trim().replace(',', '.'));
    return Number.isNaN(number) ? { issue: 'must be a number' } : { value: number };
  }
  return { value: cell };
}

/** One bad cell of an import, named by its row (the header is row 1) and field. */
export interface CsvRowIssue extends FieldIssue {
  row: number;
}

export type CsvParseResult<K extends RegisterCsvKind> =
  | { ok: true; entries: { id: string | undefined; values: Omit<RegisterEntryOf[K], 'id'> }[] }
  | { ok: false; rows: CsvRowIssue[] };

/**
 * Reads and checks every row of an imported CSV against the kind's schema
 * before anything is written; any bad row makes the whole file fail.
 * Rows without an id become new entries; rows with one update that entry.
 */
export function csvToEntries<K extends RegisterCsvKind>(kind: K, text: string): CsvParseResult<K> {
  const parsed = parseCsv(text, detectSeparator(text.startsWith(UTF8_BOM) ? text.slice(1) : text));
  if (!Array.isArray(parsed)) return { ok: false, rows: [{ row: parsed.row, field: '', message: parsed.error }] };
  const [header, ...body] = parsed;
  if (!header) return { ok: false, rows: [{ row: 1, field: '', message: 'the file has no header row' }] };
  const known = new Set(csvColumns(kind));
  const columns = header.map((name) => name.trim());
  const headerIssues = columns
    .filter((name) => !known.has(name) && name !== 'score')
    .map((name) => ({ row: 1, field: name, message: 'unknown column' }));
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) headerIssues.push({ row: 1, field: name, message: 'column appears twice' });
    seen.add(name);
  }
  if (headerIssues.length > 0) return { ok: false, rows: headerIssues };
  const issues: CsvRowIssue[] = [];
  const entries: { id: string | undefined; values: Omit<RegisterEntryOf[K], 'id'> }[] = [];
  const ids = new Set<string>();
  body.forEach((cells, index) => {
    const row = index + 2;
    if (cells.length !== columns.length) {
      issues.push({ row, field: '', message: `has ${cells.length} cells, the header has ${columns.length}` });
      return;
    }
    const json: Record<string, unknown> = {};
    let rowOk = true;
    columns.forEach((column, c) => {
      const cell = cells[c] as string;
      if (column === 'score') return;
      if (column === 'id') {
        if (cell.trim() !== '') json.id = cell.trim();
        return;
      }
      const decoded = decodeCell(specOf(kind, column), cell);
      if ('issue' in decoded) {
        issues.push({ row, field: column, message: decoded.issue });
        rowOk = false;
      } else json[column] = decoded.value;
    });
    if (!rowOk) return;
    const id = json.id as string | undefined;
    if (id !== undefined) {
      if (ids.has(id)) issues.push({ row, field: 'id', message: 'the same id appears on an earlier row' });
      ids.add(id);
    }
    const checked = REGISTER_ENTRY_SCHEMAS[kind].safeParse({ ...json, id: id ?? 'new' });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        issues.push({ row, field: String(issue.path[0] ?? ''), message: issue.message });
      }
      return;
    }
    // Only the columns the file has are written, so a partial file leaves other fields alone.
    const values: Record<string, unknown> = {};
    for (const column of columns) {
      if (column !== 'id' && column !== 'score') values[column] = (checked.data as Record<string, unknown>)[column];
    }
    entries.push({ id, values: values as Omit<RegisterEntryOf[K], 'id'> });
  });
  return issues.length > 0 ? { ok: false, rows: issues } : { ok: true, entries };
}
