// A plain, ordered picture of cluster state for comparing two states (live and replayed).

import type { ClusterState } from '../../reducers/state.ts';

export function stateSnapshot(state: ClusterState): unknown {
  return {
    rev: state.rev,
    timeMs: state.timeMs,
    namespaces: state.namespaces.sortedValues(),
    nodes: state.nodes.sortedValues(),
    pods: state.pods.sortedValues(),
    replicaSets: state.replicaSets.sortedValues(),
    objects: state.objects.sortedValues(),
    podsByNode: state.indexes.podsByNode.groupNames().map((node) => [node, state.indexes.podsByNode.members(node)]),
    nodeUsage: state.indexes.nodeUsage.sortedKeys().map((node) => [node, state.indexes.nodeUsage.get(node)]),
  };
}
