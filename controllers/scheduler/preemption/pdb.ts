// PodDisruptionBudgets as preemption reads them (defaultpreemption's filterPodsWithPDBViolation):
// each budget allows status.disruptionsAllowed more disruptions (absent means 0, and ksim does not
// compute it yet: no disruption controller runs); a pod it selects, in its namespace, and not yet
// in status.disruptedPods, uses one up. A budget with no selector, or an empty one, selects nothing.

import { type LabelSelector, selectorMatches } from '../../../core/labels.ts';
import type { KubeObject, Pod } from '../../../core/objects.ts';
import { kindTable } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';

export interface DisruptionBudget {
  readonly namespace: string;
  readonly selector: LabelSelector | undefined;
  readonly disruptionsAllowed: number;
  readonly disruptedPods: ReadonlySet<string>;
}

function recordOf(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function budgetOf(object: KubeObject): DisruptionBudget {
  const spec = recordOf(object.spec);
  const status = recordOf(object.status);
  const allowed = status.disruptionsAllowed;
  const selector = recordOf(spec.selector);
  const empty = Object.keys(selector).length === 0 || ((selector.matchLabels === undefined || Object.keys(recordOf(selector.matchLabels)).length === 0) && (!Array.isArray(selector.matchExpressions) || selector.matchExpressions.length === 0));
  return {
    namespace: object.metadata.namespace ?? '',
    selector: empty ? undefined : (selector as LabelSelector),
    disruptionsAllowed: typeof allowed === 'number' && Number.isInteger(allowed) ? allowed : 0,
    disruptedPods: new Set(Object.keys(recordOf(status.disruptedPods))),
  };
}

/** Every budget in the cluster, in key order. */
export function disruptionBudgets(state: ClusterState): DisruptionBudget[] {
  const table = kindTable(state, 'PodDisruptionBudget');
  return table.sortedKeys().map((key) => budgetOf(table.get(key) as KubeObject));
}

/** filterPodsWithPDBViolation: splits the pods, keeping their order, by whether evicting them breaks a budget. */
export function splitByBudgetViolation(pods: readonly Pod[], budgets: readonly DisruptionBudget[]): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = budgets.map((budget) => budget.disruptionsAllowed);
  const violating: Pod[] = [];
  const nonViolating: Pod[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.metadata.labels ?? {};
    if (Object.keys(labels).length > 0) {
      budgets.forEach((budget, index) => {
        if (budget.namespace !== (pod.metadata.namespace ?? '') || budget.selector === undefined) return;
        if (!selectorMatches(budget.selector, labels) || budget.disruptedPods.has(pod.metadata.name)) return;
        allowed[index] = (allowed[index] as number) - 1;
        if ((allowed[index] as number) < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}
