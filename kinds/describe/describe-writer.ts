// The lines of a `kubectl describe` page. Upstream writes through a PrefixWriter (two spaces per
// level) into a tabwriter with minwidth 0 and padding 2 (describe.tabbedString); the page is
// collected here and aligned at the end, which gives the same columns.

import { alignTabs, DESCRIBE_TABS } from '../printers/table-writer.ts';

export class DescribeWriter {
  private readonly lines: string[] = [];

  /** One line at an indentation level; tabs separate the cells that align. */
  line(level: number, text: string): void {
    this.lines.push(`${'  '.repeat(level)}${text}`);
  }

  toString(): string {
    return alignTabs(this.lines.map((line) => `${line}\n`).join(''), DESCRIBE_TABS);
  }
}
