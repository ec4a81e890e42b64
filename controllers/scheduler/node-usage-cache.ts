// The node usages a cycle reads, in an array by node ordinal, kept in step with the usage index.
// Looking each usage up in the index (a persistent map keyed by node name) for the hundreds of
// nodes a cycle filters was a quarter of a large run's time. Upstream's scheduler keeps its own
// cache of NodeInfo, updated from informer events, for the same reason; here the watch notes the
// nodes whose usage a change touched, and the next cycle re-reads only those. The cache holds
// nothing the state does not: it is the index's content, read ahead, and it is trusted only for
// the state the last change it saw left behind, after an unbroken chain of changes; any other
// state (a test calling reconcile directly, say) is read whole.

import type { Change } from '../../core/controller.ts';
import { eventSubject } from '../../core/event-subject.ts';
import type { KsimEvent } from '../../core/events.ts';
import { objectKey } from '../../core/objects.ts';
import type { Table } from '../../core/table.ts';
import { NO_USAGE, type NodeUsage } from '../../reducers/pod-resources.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { NodeSnapshot } from './node-views.ts';

/** The nodes whose usage the event may have changed; undefined when the event says nothing about it. */
function nodesTouched(event: KsimEvent, before: ClusterState, after: ClusterState): readonly string[] | undefined {
  const subject = eventSubject(event);
  if (subject.kind === 'Node' && subject.name !== undefined) return [subject.name];
  if (subject.kind !== 'Pod' || subject.name === undefined) return undefined;
  const key = objectKey(subject.namespace, subject.name);
  const nodes: string[] = [];
  for (const pod of [before.pods.get(key), after.pods.get(key)]) {
    const nodeName = pod?.spec.nodeName;
    if (nodeName !== undefined && nodeName !== '') nodes.push(nodeName);
  }
  return nodes;
}

export class NodeUsageCache {
  private usages: NodeUsage[] = [];
  private snapshot: NodeSnapshot | undefined;
  private readonly stale = new Set<string>();
  private allStale = true;
  /** The state the last change noted left behind. */
  private seen: ClusterState | undefined;

  /** Called with every change, in order, before the cycles that follow it. */
  noteChange({ event, before, after }: Change<ClusterState>): void {
    if (before !== this.seen) this.allStale = true;
    this.seen = after;
    if (this.allStale || before.indexes.nodeUsage === after.indexes.nodeUsage) return;
    const touched = nodesTouched(event, before, after);
    if (touched === undefined) this.allStale = true;
    else for (const name of touched) this.stale.add(name);
  }

  /** The usage of each of the snapshot's nodes, by ordinal, as the state's index holds it. */
  usagesFor(snapshot: NodeSnapshot, state: ClusterState): readonly NodeUsage[] {
    const index = state.indexes.nodeUsage;
    if (snapshot !== this.snapshot || this.allStale || state !== this.seen) {
      this.usages = [...readUsages(snapshot, index)];
      this.snapshot = snapshot;
      this.allStale = false;
    } else {
      for (const name of this.stale) {
        const node = snapshot.byName.get(name);
        if (node !== undefined) this.usages[node.ordinal] = index.get(name) ?? NO_USAGE;
      }
    }
    this.stale.clear();
    return this.usages;
  }
}

/** Every node's usage read from the index directly, for a cycle run outside the scheduler (tests). */
export function readUsages(snapshot: NodeSnapshot, index: Table<NodeUsage>): readonly NodeUsage[] {
  return snapshot.list.map((node) => index.get(node.name) ?? NO_USAGE);
}
