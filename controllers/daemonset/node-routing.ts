// Which DaemonSets a node change concerns, as upstream's addNode and updateNode
// (pkg/controller/daemon/daemon_controller.go) route it: a new node wakes the DaemonSets that
// should run a pod there; a changed node wakes those whose answer (shouldRun or
// shouldContinueRunning) changes. Upstream skips updates that leave labels and taints as they
// were; we also look when spec.unschedulable moves, so a cordon is judged by the same answer.
// Upstream has no handler for a node that goes away (its pod garbage collector deletes the pods
// and those deletions wake the DaemonSet); here the DaemonSets whose answer was yes are woken, so
// their status stops counting the node. Status reports (heartbeats) never change the answer.
// There are few DaemonSets: each node change lists them all, but never a pod.

import type { Change } from '../../core/controller.ts';
import { sameJson } from '../../core/canonical-json.ts';
import { keyOf, type Node } from '../../core/objects.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { listObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { type Eligibility, nodeShouldRunDaemonPod } from './eligibility.ts';

const NO: Eligibility = { shouldRun: false, shouldContinueRunning: false };

function answer(node: Node | undefined, ds: DaemonSet): Eligibility {
  return node === undefined ? NO : nodeShouldRunDaemonPod(node, ds);
}

function sameAnswer(a: Eligibility, b: Eligibility): boolean {
  return a.shouldRun === b.shouldRun && a.shouldContinueRunning === b.shouldContinueRunning;
}

/** shouldIgnoreNodeUpdate, widened to spec.unschedulable: nothing nodeShouldRunDaemonPod may read moved. */
export function shouldIgnoreNodeUpdate(before: Node, after: Node): boolean {
  return (
    sameJson(before.metadata.labels ?? {}, after.metadata.labels ?? {}) &&
    sameJson(before.spec.taints ?? [], after.spec.taints ?? []) &&
    (before.spec.unschedulable === true) === (after.spec.unschedulable === true)
  );
}

/** The DaemonSets of every namespace whose answer differs between the node before and after. */
function changedAnswers(state: ClusterState, before: Node | undefined, after: Node | undefined): string[] {
  return listObjects<DaemonSet>(state, 'DaemonSet')
    .filter((ds) => !sameAnswer(answer(before, ds), answer(after, ds)))
    .map(keyOf);
}

/** addNode: only shouldRun counts for a node that just joined. */
function joinedKeys(state: ClusterState, node: Node): string[] {
  return listObjects<DaemonSet>(state, 'DaemonSet')
    .filter((ds) => nodeShouldRunDaemonPod(node, ds).shouldRun)
    .map(keyOf);
}

export function nodeChangeKeys(change: Change<ClusterState>): string[] {
  const { event } = change;
  switch (event.type) {
    case 'node/joined':
      return joinedKeys(change.after, event.object);
    case 'node/updated':
    case 'node/cordoned':
    case 'node/uncordoned':
    case 'node/deleted': {
      const name = event.type === 'node/updated' ? event.object.metadata.name : event.name;
      const before = change.before.nodes.get(name);
      const after = change.after.nodes.get(name);
      if (before === undefined) return after === undefined ? [] : joinedKeys(change.after, after);
      if (after !== undefined && shouldIgnoreNodeUpdate(before, after)) return [];
      return changedAnswers(change.after, before, after);
    }
    default:
      return [];
  }
}
