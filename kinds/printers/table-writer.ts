// Column alignment as Go's text/tabwriter does it, which is what kubectl prints through. Text is
// lines of cells; a cell ended by a tab belongs to a column, the last cell of a line does not. A
// column's width is set per block of consecutive lines that have a cell in it (the widest cell
// plus the padding, at least the minimum width), so a line without tabs ends every block.

export interface TabSettings {
  readonly minWidth: number;
  readonly padding: number;
}

/** `kubectl get`: cli-runtime's printers.GetNewTabWriter (minwidth 6, padding 3, pad with spaces). */
export const GET_TABS: TabSettings = { minWidth: 6, padding: 3 };

/** `kubectl describe`: describe.tabbedString (minwidth 0, padding 2, pad with spaces). */
export const DESCRIBE_TABS: TabSettings = { minWidth: 0, padding: 2 };

/** Go counts runes, not UTF-16 units. */
function cellWidth(cell: string): number {
  let width = 0;
  for (const _ of cell) width++;
  return width;
}

class Formatter {
  private readonly widths: number[] = [];
  private readonly out: string[] = [];

  constructor(
    private readonly lines: readonly (readonly string[])[],
    private readonly settings: TabSettings,
  ) {}

  run(): string {
    this.format(0, this.lines.length);
    return this.out.join('');
  }

  /** Go's tabwriter.format: finds each block of lines with a cell in the next column, sizes it, recurses. */
  private format(first: number, end: number): void {
    const column = this.widths.length;
    let pending = first;
    for (let current = first; current < end; current++) {
      if (column >= (this.lines[current] as readonly string[]).length - 1) continue;
      this.writeLines(pending, current);
      pending = current;
      let width = this.settings.minWidth;
      for (; current < end; current++) {
        const line = this.lines[current] as readonly string[];
        if (column >= line.length - 1) break;
        width = Math.max(width, cellWidth(line[column] as string) + this.settings.padding);
      }
      this.widths.push(width);
      this.format(pending, current);
      this.widths.pop();
      pending = current;
    }
    this.writeLines(pending, end);
  }

  private writeLines(first: number, end: number): void {
    for (let i = first; i < end; i++) {
      const line = this.lines[i] as readonly string[];
      line.forEach((cell, j) => {
        const width = this.widths[j];
        this.out.push(width === undefined ? cell : cell + ' '.repeat(Math.max(0, width - cellWidth(cell))));
      });
      if (i < this.lines.length - 1) this.out.push('\n');
    }
  }
}

/** Aligns text whose cells are separated by tabs, as a Go tabwriter flushed at the end would. */
export function alignTabs(text: string, settings: TabSettings): string {
  return new Formatter(
    text.split('\n').map((line) => line.split('\t')),
    settings,
  ).run();
}

/** A kubectl table: rows of cells, header first, aligned as `kubectl get` aligns them. */
export function formatTable(rows: readonly (readonly string[])[], settings: TabSettings = GET_TABS): string {
  return alignTabs(rows.map((row) => `${row.join('\t')}\n`).join(''), settings);
}
