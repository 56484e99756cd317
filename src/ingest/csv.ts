/**
 * RFC 4180 CSV reading with the 1-based line each row starts on, so every error can name file:line.
 * Handles CRLF and LF, quoted fields with commas, doubled quotes and embedded newlines.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export function readCsvRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

/** A CSV with a header row, read by column name (never by position). */
export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  /** Index of a column by exact header name, or -1. */
  column(name: string): number;
  /**
   * Why a row's cells do not line up with the header's (fewer or more), or null when they do. A blank row (empty,
   * or only commas, as some files end) has nothing to line up and is null too: parsers skip blank rows.
   */
  widthError(row: CsvRow): string | null;
}

export function readCsvTable(text: string): CsvTable {
  const all = readCsvRows(text);
  const header = (all[0]?.cells ?? []).map((h) => h.trim());
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  // A last row with no line end after it and too few cells is where a download or a copy stopped.
  const unfinished = !/[\r\n]$/.test(text) ? all[all.length - 1] : undefined;
  return {
    header,
    rows: all.slice(1),
    column: (name) => index.get(name) ?? -1,
    widthError(row) {
      const cells = row.cells.length;
      if (cells === header.length || row.cells.every((cell) => cell.trim() === '')) return null;
      if (cells > header.length) return `row has ${cells} cells but the header has ${header.length}`;
      const short = `row has only ${cells} of the header's ${header.length} cells`;
      return row === unfinished ? `last ${short}: the file looks cut short` : short;
    },
  };
}

/** The header row alone: enough to recognise a format without reading the whole file. */
export function readCsvHeader(text: string): string[] {
  const end = text.search(/[\r\n]/);
  return readCsvTable(end < 0 ? text : text.slice(0, end)).header;
}
