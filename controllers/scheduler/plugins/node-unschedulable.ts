// NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go): a
// cordoned node takes only pods that tolerate the node.kubernetes.io/unschedulable:NoSchedule taint.

import type { Taint } from '../../../core/objects.ts';
import type { NodeView } from '../node-views.ts';
import type { PodInfo } from '../pod-info.ts';
import { tolerationsTolerateTaint } from '../../common/tolerations.ts';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export function nodeUnschedulableFilter(pod: PodInfo, node: NodeView): string | undefined {
  if (!node.unschedulable) return undefined;
  return tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT)
    ? undefined
    : ERR_REASON_UNSCHEDULABLE;
}
