// Creating and deleting pods until a ReplicaSet has spec.replicas active pods, as upstream's
// manageReplicas (pkg/controller/replicaset/replica_set.go). At most BURST_REPLICAS pods are created
// or deleted per sync; the pod events that follow bring the ReplicaSet back for the rest.
// Upstream creates in a slowStartBatch (1, 2, 4, ... calls) so that a failing create stops early.
// We need no batching: the engine runs each command to completion before the next, and a refused
// create is a `request/rejected` event (and a FailedCreate Event) that makes the sync fail and come
// back after the work queue's back-off, as upstream's error return does.

import type { Command } from '../../core/commands.ts';
import { type Effect, submit } from '../../core/controller.ts';
import type { Pod, ReplicaSet } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { eventAbout } from '../common/controller-ref.ts';
import { podManifestFromTemplate } from '../common/pod-template.ts';
import { podsToDelete } from './deletion-order.ts';
import type { OwnedKeys } from './owned-keys.ts';
import { rankByRelatedPods, relatedPodsPerNode } from './related-pods.ts';

/** Upstream's BurstReplicas: the most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;

function createPods(rs: ReplicaSet, count: number, actor: string): Effect[] {
  // One command serves every create: commands are immutable data and admission copies what it keeps.
  const command: Command = {
    type: 'create',
    actor,
    manifest: podManifestFromTemplate(rs.spec.template, rs),
    record: eventAbout(rs, 'Normal', 'SuccessfulCreate', 'Created pod: {name}'),
    recordOnRefusal: eventAbout(rs, 'Warning', 'FailedCreate', 'Error creating: {error}'),
  };
  return Array.from({ length: count }, () => submit(command));
}

function deletePod(rs: ReplicaSet, pod: Pod, actor: string): Effect {
  return submit({
    type: 'delete',
    actor,
    kind: 'Pod',
    namespace: pod.metadata.namespace,
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    record: eventAbout(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`),
  });
}

/** The creates or deletes that move `pods` (the active pods the ReplicaSet manages) towards spec.replicas. */
export function manageReplicas(state: ClusterState, rs: ReplicaSet, pods: readonly Pod[], nowMs: number, actor: string, ownedKeys?: OwnedKeys): Effect[] {
  const diff = pods.length - rs.spec.replicas;
  if (diff < 0) return createPods(rs, Math.min(-diff, BURST_REPLICAS), actor);
  if (diff === 0) return [];
  const count = Math.min(diff, BURST_REPLICAS);
  // Ranks are only worth computing when a choice is made among the pods.
  const rankOf = count < pods.length ? rankByRelatedPods(relatedPodsPerNode(state, rs, ownedKeys)) : () => 0;
  return podsToDelete(pods, count, rankOf, nowMs).map((pod) => deletePod(rs, pod, actor));
}
