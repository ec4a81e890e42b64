// What a DaemonSet sync reads from the state besides the DaemonSet, as upstream's
// DaemonSetsController lists it (pkg/controller/daemon/daemon_controller.go and update.go): the
// pods it claims (getDaemonPods), the ControllerRevisions it claims (controlledHistories), and the
// DaemonSets an orphan may belong to (getDaemonSetsForPod, getDaemonSetsForHistory). Everything
// comes from the reducers' indexes.

import type { Labels } from '../../core/labels.ts';
import type { OwnerReference, Pod } from '../../core/objects.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import { listObjects, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { type Claim, claimObjects } from '../common/claim.ts';
import { labelMatcher } from '../common/label-matcher.ts';
import type { ControllerRevision } from './history.ts';

/** resolveControllerRef: the DaemonSet a controller reference names, if it still exists with that uid. */
export function resolveDaemonSet(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined): DaemonSet | undefined {
  if (ref === undefined || ref.kind !== 'DaemonSet') return undefined;
  const ds = lookupObject<DaemonSet>(state, 'DaemonSet', namespace, ref.name);
  return ds?.metadata.uid === ref.uid ? ds : undefined;
}

/** LabelSelectorAsSelector(...).Empty(): a DaemonSet without a selector selects nothing here. */
export function selectsSomething(ds: DaemonSet): boolean {
  const { matchLabels, matchExpressions } = ds.spec.selector;
  return Object.keys(matchLabels ?? {}).length > 0 || (matchExpressions ?? []).length > 0;
}

/** GetPodDaemonSets / GetHistoryDaemonSets: the DaemonSets of the namespace whose selector matches. */
export function daemonSetsSelecting(state: ClusterState, namespace: string, labels: Labels | undefined): DaemonSet[] {
  return listObjects<DaemonSet>(state, 'DaemonSet', namespace).filter(
    (ds) => selectsSomething(ds) && labelMatcher(ds.spec.selector)(labels),
  );
}

/**
 * getDaemonPods: ClaimPods over every pod of the namespace, terminal ones included (the sync
 * deletes failed and succeeded pods, and history cleanup reads their hashes).
 */
export function claimDaemonPods(state: ClusterState, ds: DaemonSet): Claim<Pod> {
  return claimObjects<Pod>(state, 'Pod', ds, labelMatcher(ds.spec.selector));
}

/** controlledHistories: ClaimControllerRevisions, adopting matching orphans and releasing strays. */
export function claimRevisions(state: ClusterState, ds: DaemonSet): Claim<ControllerRevision> {
  return claimObjects<ControllerRevision>(state, 'ControllerRevision', ds, labelMatcher(ds.spec.selector));
}
