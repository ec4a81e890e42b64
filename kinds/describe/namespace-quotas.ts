// The quota and limit-range sections of `kubectl describe namespace` (describe.go
// DescribeResourceQuotas and DescribeLimitRanges): each quota by name with its Resource/Used/Hard
// table one level in, then one Resource Limits table for every LimitRange of the namespace.

import type { LimitRange } from '../limits/limit-range.ts';
import type { ResourceQuota } from '../quota/resource-quota.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { limitRangeRows } from './limit-range.ts';
import { canonicalQuantity } from './quantity-text.ts';
import { SCOPE_HELP } from './resource-quota.ts';

export function describeNamespaceQuotas(w: DescribeWriter, quotas: readonly ResourceQuota[]): void {
  if (quotas.length === 0) {
    w.line(0, 'No resource quota.');
    return;
  }
  w.line(0, 'Resource Quotas');
  for (const quota of quotas) {
    w.line(1, `Name:\t${quota.metadata.name}`);
    const scopes = [...(quota.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      w.line(1, `Scopes:\t${scopes.join(', ')}`);
      for (const scope of scopes) if (SCOPE_HELP[scope] !== undefined) w.line(1, `* ${SCOPE_HELP[scope]}`);
    }
    w.line(1, 'Resource\tUsed\tHard');
    w.line(1, '--------\t---\t---');
    const hard = quota.status?.hard ?? {};
    const used = quota.status?.used ?? {};
    for (const name of Object.keys(hard).sort()) w.line(1, `${name}\t${canonicalQuantity(used[name] ?? '0')}\t${canonicalQuantity(hard[name] ?? '')}`);
  }
}

export function describeNamespaceLimitRanges(w: DescribeWriter, limitRanges: readonly LimitRange[]): void {
  if (limitRanges.length === 0) {
    w.line(0, 'No LimitRange resource.');
    return;
  }
  w.line(0, 'Resource Limits');
  w.line(0, ' Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio');
  w.line(0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------');
  for (const limitRange of limitRanges) for (const row of limitRangeRows(limitRange)) w.line(0, ` ${row}`);
}
