// TaintToleration (pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go): a node
// whose NoSchedule or NoExecute taint the pod does not tolerate is filtered out; among the rest,
// nodes with fewer untolerated PreferNoSchedule taints score higher (reverse normalisation).

import type { NodeView } from '../node-views.ts';
import type { PodInfo } from '../pod-info.ts';
import { tolerationsTolerateTaint } from '../../common/tolerations.ts';

export const TAINT_TOLERATION_WEIGHT = 3;

/** The first NoSchedule or NoExecute taint the pod does not tolerate, in the node's order. */
export function taintTolerationFilter(pod: PodInfo, node: NodeView): string | undefined {
  for (const taint of node.taints) {
    if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
    if (!tolerationsTolerateTaint(pod.tolerations, taint)) {
      return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
    }
  }
  return undefined;
}

/** The number of PreferNoSchedule taints that the pod's PreferNoSchedule (or effect-less) tolerations miss. */
export function taintTolerationScore(pod: PodInfo, node: NodeView): number {
  let intolerable = 0;
  for (const taint of node.taints) {
    if (taint.effect !== 'PreferNoSchedule') continue;
    if (!tolerationsTolerateTaint(pod.preferNoScheduleTolerations, taint)) intolerable++;
  }
  return intolerable;
}
