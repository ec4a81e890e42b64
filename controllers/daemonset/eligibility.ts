// Whether a DaemonSet wants a pod on a node, as upstream's NodeShouldRunDaemonPod and predicates
// (pkg/controller/daemon/daemon_controller.go) decide it, on the pod as NewPod builds it: the
// template's spec placed on the node, with the daemon tolerations added.
//   shouldRun: the template's nodeName (if any) is the node, the nodeSelector and required node
//     affinity match, and every NoSchedule and NoExecute taint is tolerated;
//   shouldContinueRunning: the same, except that only NoExecute taints count, so a pod already
//     there stays on a node that was tainted NoSchedule after it came.
// Resources, ports and the rest of scheduling are left to the scheduler (since v1.18).

import type { Node, PodSpec, Taint, Toleration } from '../../core/objects.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { isEmptyTerm, parseTerm, termMatches } from '../common/node-selector.ts';
import { toleratesTaint } from '../common/tolerations.ts';
import { addOrUpdateDaemonPodTolerations } from './pod-template.ts';
import { withFields } from '../../core/with-fields.ts';

export interface Eligibility {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
}

/** NewPod's spec: the template's, bound to the node, with the daemon tolerations. */
export function daemonPodSpecFor(ds: DaemonSet, nodeName: string): PodSpec {
  return addOrUpdateDaemonPodTolerations(withFields(ds.spec.template.spec, { nodeName }));
}

/**
 * nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): every nodeSelector label, and then one of
 * the required terms (empty terms skipped, so a selector of only empty terms matches nothing).
 */
export function requiredNodeAffinityMatches(spec: PodSpec, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (labels[key] !== value) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required === undefined) return true;
  return required.nodeSelectorTerms
    .filter((term) => !isEmptyTerm(term))
    .some((term) => termMatches(parseTerm(term), labels, node.metadata.name));
}

/** v1helper.FindMatchingUntoleratedTaint: the first taint the filter keeps that nothing tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  keep: (taint: Taint) => boolean,
): Taint | undefined {
  return taints.find((taint) => keep(taint) && !tolerations.some((toleration) => toleratesTaint(toleration, taint)));
}

const schedulingEffect = (taint: Taint) => taint.effect === 'NoExecute' || taint.effect === 'NoSchedule';
const evictingEffect = (taint: Taint) => taint.effect === 'NoExecute';

export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): Eligibility {
  const templateNodeName = ds.spec.template.spec.nodeName ?? '';
  if (templateNodeName !== '' && templateNodeName !== node.metadata.name) {
    return { shouldRun: false, shouldContinueRunning: false };
  }
  const spec = daemonPodSpecFor(ds, node.metadata.name);
  if (!requiredNodeAffinityMatches(spec, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec.taints ?? [];
  const tolerations = spec.tolerations ?? [];
  if (findUntoleratedTaint(taints, tolerations, schedulingEffect) === undefined) {
    return { shouldRun: true, shouldContinueRunning: true };
  }
  return { shouldRun: false, shouldContinueRunning: findUntoleratedTaint(taints, tolerations, evictingEffect) === undefined };
}
