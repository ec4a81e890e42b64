// The message of a pod that fits nowhere, in upstream's shape (pkg/scheduler/framework/types.go,
// FitError.Error): "0/N nodes are available: " then either the PreFilter message, or each reason
// with the number of nodes that gave it, as "count reason" strings sorted as Go's sort.Strings
// sorts them (so "10 ..." comes before "2 ..."), joined with ", " and closed with a full stop.

import { compareStrings } from '../../core/table.ts';

export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export function fitErrorMessage(
  numAllNodes: number,
  reasons: ReadonlyMap<string, number>,
  preFilterMessage?: string,
): string {
  let message = `0/${numAllNodes} nodes are available:`;
  if (preFilterMessage !== undefined) return `${message} ${preFilterMessage}.`;
  const histogram = [...reasons].map(([reason, count]) => `${count} ${reason}`).sort(compareStrings);
  if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  return message;
}
