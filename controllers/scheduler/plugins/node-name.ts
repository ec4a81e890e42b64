// NodeName (pkg/scheduler/framework/plugins/nodename/node_name.go): a pod that names its node
// fits only that node.

import type { NodeView } from '../node-views.ts';
import type { PodInfo } from '../pod-info.ts';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export function nodeNameFilter(pod: PodInfo, node: NodeView): string | undefined {
  const wanted = pod.pod.spec.nodeName;
  return wanted === undefined || wanted === '' || wanted === node.name ? undefined : ERR_REASON_NODE_NAME;
}
