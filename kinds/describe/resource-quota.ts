// `kubectl describe resourcequota` (describe.go describeQuota): name, namespace, the scopes with
// their help texts, then the Resource/Used/Hard table, names sorted. A used value whose format
// differs from its hard limit's is printed in the hard limit's format, as kubectl does.

import { formatQuantityValue, parseQuantityValue, wholeValue } from '../quota/quantity-value.ts';
import type { ResourceQuota } from '../quota/resource-quota.ts';
import { canonicalQuantity } from './quantity-text.ts';
import type { DescribeWriter } from './describe-writer.ts';

export const SCOPE_HELP: Readonly<Record<string, string>> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

function usedText(used: string | undefined, hard: string): string {
  const usedValue = parseQuantityValue(used ?? '0');
  const hardValue = parseQuantityValue(hard);
  if (usedValue === undefined || hardValue === undefined) return used ?? '0';
  if (usedValue.binary === hardValue.binary) return formatQuantityValue(usedValue);
  // resource.NewQuantity(used.Value(), hard.Format): whole units in the hard limit's format.
  return formatQuantityValue({ nano: wholeValue(usedValue) * 1_000_000_000n, binary: hardValue.binary });
}

export function describeResourceQuota(w: DescribeWriter, quota: ResourceQuota): void {
  w.line(0, `Name:\t${quota.metadata.name}`);
  w.line(0, `Namespace:\t${quota.metadata.namespace ?? ''}`);
  const scopes = [...(quota.spec?.scopes ?? [])].sort();
  if (scopes.length > 0) {
    w.line(0, `Scopes:\t${scopes.join(', ')}`);
    for (const scope of scopes) {
      const help = SCOPE_HELP[scope];
      if (help !== undefined) w.line(0, ` * ${help}`);
    }
  }
  w.line(0, 'Resource\tUsed\tHard');
  w.line(0, '--------\t----\t----');
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  for (const name of Object.keys(hard).sort()) w.line(0, `${name}\t${usedText(used[name], hard[name] ?? '')}\t${canonicalQuantity(hard[name] ?? '')}`);
}
