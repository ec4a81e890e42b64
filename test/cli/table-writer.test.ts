import { describe, expect, it } from 'vitest';
import { alignTabs, DESCRIBE_TABS, formatTable, GET_TABS } from '../../kinds/printers/table-writer.ts';

describe('table writer', () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    expect(
      formatTable([
        ['NAME', 'STATUS', 'AGE'],
        ['web-1', 'Running', '5m'],
      ]),
    ).toBe('NAME    STATUS    AGE\nweb-1   Running   5m\n');
  });

  it('keeps narrow columns at the minimum width of six', () => {
    expect(
      formatTable(
        [
          ['A', 'B'],
          ['x', 'y'],
        ],
        GET_TABS,
      ),
    ).toBe('A     B\nx     y\n');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(
      formatTable(
        [
          ['ä😀', 'x'],
          ['ab', 'y'],
        ],
        { minWidth: 0, padding: 1 },
      ),
    ).toBe('ä😀 x\nab y\n');
  });

  it('starts a new block of column widths after a line without tabs', () => {
    const text = 'Name:\tweb\nNamespace:\tdefault\nContainers:\n  web:\n    Image:\tnginx\n';
    expect(alignTabs(text, DESCRIBE_TABS)).toBe(
      'Name:       web\nNamespace:  default\nContainers:\n  web:\n    Image:  nginx\n',
    );
  });

  it('sizes a nested column per run of consecutive lines that have it', () => {
    const text = 'a\tb\tc\naaaa\tb\nx\tyyyyy\tz\n';
    expect(alignTabs(text, DESCRIBE_TABS)).toBe('a     b  c\naaaa  b\nx     yyyyy  z\n');
  });

  it('pads empty cells to the column width', () => {
    expect(alignTabs('Name\t\tAge\nweb\t\t5m\n', DESCRIBE_TABS)).toBe('Name    Age\nweb     5m\n');
  });
});
