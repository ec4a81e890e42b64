// `kubectl describe limitrange` (describe.go describeLimitRange): one row per item and resource,
// "-" where the item sets nothing. Upstream walks a Go map for the resources of an item; they are
// sorted here so the page is the same each time.

import { canonicalQuantity } from './quantity-text.ts';
import type { LimitRange } from '../limits/limit-range.ts';
import type { DescribeWriter } from './describe-writer.ts';

export function describeLimitRange(w: DescribeWriter, limitRange: LimitRange): void {
  w.line(0, `Name:\t${limitRange.metadata.name}`);
  w.line(0, `Namespace:\t${limitRange.metadata.namespace ?? ''}`);
  w.line(0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio');
  w.line(0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------');
  for (const row of limitRangeRows(limitRange)) w.line(0, row);
}

/** describeLimitRangeSpec: a row per item and resource, tab-separated. */
export function limitRangeRows(limitRange: LimitRange): string[] {
  const rows: string[] = [];
  for (const item of limitRange.spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const names = [...new Set(lists.flatMap((list) => Object.keys(list ?? {})))].sort();
    for (const name of names) {
      const cells = lists.map((list) => (list?.[name] === undefined ? '-' : canonicalQuantity(list[name])));
      rows.push(`${item.type}\t${name}\t${cells.join('\t')}`);
    }
  }
  return rows;
}
