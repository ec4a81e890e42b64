// A plain, ordered picture of cluster state, indexes included, for comparing two states by
// content (live and replayed, or a seek and a full fold).

import type { SetIndex } from '../../core/table.ts';
import type { ClusterState } from '../../reducers/state.ts';

function groups(index: SetIndex): [string, string[]][] {
  return index.groupNames().map((group) => [group, index.members(group)]);
}

export function stateSnapshot(state: ClusterState): unknown {
  const { indexes } = state;
  return {
    rev: state.rev,
    timeMs: state.timeMs,
    namespaces: state.namespaces.sortedValues(),
    nodes: state.nodes.sortedValues(),
    pods: state.pods.sortedValues(),
    replicaSets: state.replicaSets.sortedValues(),
    objects: state.objects.sortedValues(),
    podsByNode: groups(indexes.podsByNode),
    podsByOwner: groups(indexes.podsByOwner),
    orphanPods: groups(indexes.orphanPods),
    podIPsByNode: groups(indexes.podIPsByNode),
    unscheduled: groups(indexes.unscheduledPods),
    nodeUsage: indexes.nodeUsage.sortedKeys().map((node) => [node, indexes.nodeUsage.get(node)]),
  };
}
