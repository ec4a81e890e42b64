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
    nodes: state.nodes.sortedValues(),
    pods: state.pods.sortedValues(),
    objects: state.objects.sortedKeys().map((kind) => [kind, state.objects.get(kind)?.sortedValues()]),
    controllees: groups(indexes.controllees),
    dependents: groups(indexes.dependents),
    orphans: groups(indexes.orphans),
    byNamespace: groups(indexes.byNamespace),
    byLabel: groups(indexes.byLabel),
    eventsByObject: groups(indexes.eventsByObject),
    podsByNode: groups(indexes.podsByNode),
    podIPsByNode: groups(indexes.podIPsByNode),
    unscheduled: groups(indexes.unscheduledPods),
    terminated: groups(indexes.terminatedPods),
    nodeUsage: indexes.nodeUsage.sortedKeys().map((node) => [node, indexes.nodeUsage.get(node)]),
  };
}
