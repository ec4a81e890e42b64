// What a Deployment sync reads from the state besides the Deployment: the ReplicaSets it claims
// (upstream's getReplicaSetsForDeployment with ClaimReplicaSets, pkg/controller/deployment/
// deployment_controller.go) and, for Recreate, the pods of those ReplicaSets
// (getPodMapForDeployment). Everything comes from the controllees and orphans indexes.

import type { Labels } from '../../core/labels.ts';
import { controllerOf, keyOf, type OwnerReference, type Pod, type ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { controlledKeys, controlledObjects, listObjects, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { type Claim, claimObjects } from '../common/claim.ts';
import { labelMatcher } from '../common/label-matcher.ts';

/**
 * ClaimReplicaSets over the namespace: the Deployment keeps its ReplicaSets that still match its
 * selector, releases those that no longer do, and adopts matching orphans (none of these while
 * it is being deleted). Upstream lists every ReplicaSet of the namespace to find them; the
 * indexes give the same two groups.
 */
export function claimReplicaSets(state: ClusterState, d: Deployment): Claim<ReplicaSet> {
  return claimObjects<ReplicaSet>(state, 'ReplicaSet', d, labelMatcher(d.spec.selector));
}

/**
 * The pods a Recreate rollout must account for: those controlled by one of the claimed
 * ReplicaSets, in the Deployment's namespace and matching its selector. Terminal and terminating
 * pods are kept, as upstream's pod map keeps them.
 */
export function podsOfReplicaSets(state: ClusterState, d: Deployment, rsList: readonly ReplicaSet[]): Pod[] {
  const matches = labelMatcher(d.spec.selector);
  const pods: Pod[] = [];
  for (const rs of rsList) {
    for (const pod of controlledObjects<Pod>(state, 'Pod', rs.metadata.uid)) {
      if (pod.metadata.namespace === d.metadata.namespace && matches(pod.metadata.labels)) pods.push(pod);
    }
  }
  return pods;
}

/** resolveControllerRef: the Deployment a controller reference names, if it still exists with that uid. */
export function resolveDeployment(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined): Deployment | undefined {
  if (ref === undefined || ref.kind !== 'Deployment') return undefined;
  const d = lookupObject<Deployment>(state, 'Deployment', namespace, ref.name);
  return d?.metadata.uid === ref.uid ? d : undefined;
}

/** A selector that selects nothing in upstream's eyes when empty (LabelSelectorAsSelector(...).Empty()). */
function selectsSomething(d: Deployment): boolean {
  const { matchLabels, matchExpressions } = d.spec.selector;
  return Object.keys(matchLabels ?? {}).length > 0 || (matchExpressions ?? []).length > 0;
}

/**
 * getDeploymentsForReplicaSet: the Deployments of the ReplicaSet's namespace whose selector
 * matches its labels, by key. A ReplicaSet without labels matches none, and a Deployment with an
 * empty selector matches nothing rather than everything.
 */
export function deploymentsSelecting(state: ClusterState, namespace: string, labels: Labels | undefined): string[] {
  if (labels === undefined || Object.keys(labels).length === 0) return [];
  return listObjects<Deployment>(state, 'Deployment', namespace)
    .filter((d) => selectsSomething(d) && labelMatcher(d.spec.selector)(labels))
    .map(keyOf);
}

/**
 * Whether any pod is left that upstream's deletePod counts: a pod of one of the Deployment's
 * ReplicaSets (those it controls and selects, as util.ListReplicaSets lists them) that matches
 * its selector.
 */
export function hasPodsLeft(state: ClusterState, d: Deployment): boolean {
  const matches = labelMatcher(d.spec.selector);
  for (const rs of controlledObjects<ReplicaSet>(state, 'ReplicaSet', d.metadata.uid)) {
    if (rs.metadata.namespace !== d.metadata.namespace || !matches(rs.metadata.labels)) continue;
    for (const key of controlledKeys(state, 'Pod', rs.metadata.uid)) {
      const pod = state.pods.get(key);
      if (pod !== undefined && pod.metadata.namespace === d.metadata.namespace && matches(pod.metadata.labels)) return true;
    }
  }
  return false;
}

/** getDeploymentForPod: the Deployment controlling the ReplicaSet that controls the pod. */
export function deploymentOfPod(state: ClusterState, pod: Pod): Deployment | undefined {
  const ref = controllerOf(pod);
  if (ref === undefined || ref.kind !== 'ReplicaSet') return undefined;
  const rs = lookupObject<ReplicaSet>(state, 'ReplicaSet', pod.metadata.namespace, ref.name);
  if (rs === undefined || rs.metadata.uid !== ref.uid) return undefined;
  return resolveDeployment(state, rs.metadata.namespace, controllerOf(rs));
}
