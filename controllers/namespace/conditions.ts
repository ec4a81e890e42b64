// The conditions the namespace controller keeps on a namespace being deleted
// (pkg/controller/namespace/deletion/status_condition_utils.go): five types, each True with what
// went wrong or False with upstream's all-clear reason and message. A condition's
// lastTransitionTime moves only when its status flips.

import type { NamespaceCondition } from '../../core/objects.ts';
import { toTimestamp } from '../../core/clock.ts';
import { compareStrings } from '../../core/table.ts';
import type { KindContent } from './content.ts';

type Verdict = Omit<NamespaceCondition, 'lastTransitionTime'>;

const ALL_CLEAR: readonly Verdict[] = [
  { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
  { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
];

/** ProcessContentTotals and makeDeleteContentCondition: the conditions that are not all clear. */
export function failingConditions(content: readonly KindContent[], finalizers: ReadonlyMap<string, number>, deleteErrors: readonly string[]): Verdict[] {
  const failing: Verdict[] = [];
  if (deleteErrors.length > 0) {
    const messages = [...deleteErrors].sort(compareStrings);
    failing.push({
      type: 'NamespaceDeletionContentFailure',
      status: 'True',
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${messages.length} remaining: ${messages.join(', ')}`,
    });
  }
  if (content.length > 0) {
    const remaining = content.map(({ resourceDotGroup, objects }) => `${resourceDotGroup} has ${objects.length} resource instances`).sort(compareStrings);
    failing.push({ type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.join(', ')}` });
  }
  if (finalizers.size > 0) {
    const held = [...finalizers].map(([finalizer, count]) => `${finalizer} in ${count} resource instances`).sort(compareStrings);
    failing.push({ type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${held.join(', ')}` });
  }
  return failing;
}

/** updateConditions: every type, in upstream's order, with the times kept where the status did not flip. */
export function nextConditions(current: readonly NamespaceCondition[], failing: readonly Verdict[], nowMs: number): NamespaceCondition[] {
  const next = current.map((condition) => condition);
  for (const clear of ALL_CLEAR) {
    const wanted = failing.find((verdict) => verdict.type === clear.type) ?? clear;
    const index = next.findIndex((condition) => condition.type === clear.type);
    const old = index === -1 ? undefined : next[index];
    const lastTransitionTime = old === undefined || old.status !== wanted.status ? toTimestamp(nowMs) : old.lastTransitionTime;
    const condition: NamespaceCondition = { type: wanted.type, status: wanted.status, lastTransitionTime, reason: wanted.reason, message: wanted.message };
    if (old === undefined) next.push(condition);
    else next[index] = condition;
  }
  return next;
}
