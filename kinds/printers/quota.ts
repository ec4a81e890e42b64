// ResourceQuotas print NAME AGE REQUEST LIMIT (printers.go printResourceQuota): each hard limit as
// "name: used/hard", names sorted, those named "limits.*" in LIMIT and the rest in REQUEST.
// LimitRanges print NAME CREATED AT (printLimitRange), the creation time in RFC 3339.

import { canonicalQuantity } from '../describe/quantity-text.ts';
import type { LimitRange } from '../limits/limit-range.ts';
import type { ResourceQuota } from '../quota/resource-quota.ts';
import { ageSince } from './time.ts';

export function resourceQuotaHeaders(): string[] {
  return ['NAME', 'AGE', 'REQUEST', 'LIMIT'];
}

export function resourceQuotaRow(quota: ResourceQuota, nowMs: number): string[] {
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const pieces = name.split('.');
    const column = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    // A zero Quantity prints "0", so a resource not counted yet shows 0 used.
    column.push(`${name}: ${canonicalQuantity(used[name] ?? '0')}/${canonicalQuantity(hard[name] ?? '')}`);
  }
  return [quota.metadata.name, ageSince(quota.metadata.creationTimestamp, nowMs), request.join(', '), limit.join(', ')];
}

export function limitRangeHeaders(): string[] {
  return ['NAME', 'CREATED AT'];
}

export function limitRangeRow(limitRange: LimitRange): string[] {
  return [limitRange.metadata.name, limitRange.metadata.creationTimestamp ?? ''];
}
