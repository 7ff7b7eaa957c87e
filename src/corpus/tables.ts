/**
 * Tables set in plain text: rows of cells lined up with runs of spaces, tabs or column rules
 * (「名次    街道      得分」 over 「1       城东街道  94.6」). A row is short and heading-shaped, so
 * read alone it would pass for a headline; read as a run of rows it is the article's figures.
 * Pure; every pattern is bounded, so a line costs linear time.
 */

// Between cells: a tab, a column rule, or two spaces or more (the reading form has made the
// ideographic space a plain one). One space separates a headline's phrases, never cells.
const WIDE_GAP = /\t|\s*[|｜]\s*|\s{2,}/u;
// A cell is a label or a figure, never a sentence.
const SENTENCE = /[。，,；;！？!?：:]/u;
const MAX_CELL_CHARS = 20;
// A figure in a cell: 94.6, 12.5%, 3.8万, 第2, a date or a span of dates (4月20日—5月10日).
const FIGURE = /\d/u;
// Three rows at least when cells are parted by single spaces, which headline phrases also are.
const MIN_NARROW_ROWS = 3;

/** The cells of a line, split at wide gaps; one cell when there is no gap. */
function wideCells(line: string): string[] {
  return line
    .trim()
    .split(WIDE_GAP)
    .filter((c) => c !== '');
}

// A bullet (「■ 新生9860人」) marks a list's line, not a cell: a cell holds a word or a figure.
const isCell = (c: string) => [...c].length <= MAX_CELL_CHARS && !SENTENCE.test(c) && /[\p{L}\p{N}]/u.test(c);

/** A table's rule: dashes, equals signs or box lines, with column rules and colons between. */
export const isRule = (line: string) => /^[\s|｜:：+]*[-—=─━]{3,}[-—=─━\s|｜:：+]*$/u.test(line);

interface Row {
  cells: string[];
  hasFigure: boolean;
}

function row(line: string, split: (l: string) => string[]): Row | null {
  const cells = split(line);
  if (cells.length < 2 || !cells.every(isCell)) return null;
  return { cells, hasFigure: cells.some((c) => FIGURE.test(c)) };
}

/**
 * Whether a run of rows as wide as one another makes a table: figures in every row but the first
 * (a header row of labels, 「名次 街道 得分」, heads the figures).
 */
function isTable(rows: Row[], minRows: number): boolean {
  if (rows.length < minRows) return false;
  return rows.slice(1).every((r) => r.hasFigure);
}

/**
 * The indexes of the lines that are rows of a table. Rows stand on consecutive lines; a run counts
 * when it has two rows or more parted by wide gaps, or three or more parted by single spaces whose
 * every row after the first holds a figure. `lines` are trimmed, blank ones kept in place.
 */
export function tableRows(lines: string[]): Set<number> {
  const out = new Set<number>();
  const splits: [(l: string) => string[], number][] = [
    [wideCells, 2],
    [(l) => l.trim().split(/\s+/u), MIN_NARROW_ROWS],
  ];
  for (const [split, minRows] of splits) {
    let i = 0;
    while (i < lines.length) {
      // A run of rows as wide as its first: a line of another width starts the next run.
      const rows: Row[] = [];
      let j = i;
      for (;;) {
        // A rule under the header or between rows (「|---|---|」, 「————」) stands inside the table.
        if (rows.length > 0 && isRule(lines[j] ?? '')) {
          j++;
          continue;
        }
        const r = row(lines[j] ?? '', split);
        if (!r || out.has(j) || (rows.length > 0 && r.cells.length !== rows[0]!.cells.length)) break;
        rows.push(r);
        j++;
      }
      // A rule after the last row closes the table but is none of its rows.
      while (j > i && isRule(lines[j - 1] ?? '')) j--;
      if (isTable(rows, minRows)) for (let k = i; k < j; k++) out.add(k);
      i = Math.max(j, i + 1);
    }
  }
  return out;
}
