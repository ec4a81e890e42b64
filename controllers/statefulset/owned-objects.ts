// What a StatefulSet sync reads from the state besides the set, as upstream's StatefulSetController
// lists it (pkg/controller/statefulset/stateful_set.go): the pods it claims (getPodsForStatefulSet),
// the ControllerRevisions it lists and adopts (ListRevisions, adoptOrphanRevisions), and the sets
// an orphan may belong to (getStatefulSetsForPod). Everything comes from the reducers' indexes.

import type { Labels } from '../../core/labels.ts';
import { controllerOf, type OwnerReference, type Pod } from '../../core/objects.ts';
import type { ControllerRevision, StatefulSet } from '../../core/workloads.ts';
import { listObjects, lookupObject, selectObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { type Claim, claimObjects } from '../common/claim.ts';
import { labelMatcher } from '../common/label-matcher.ts';
import { isMemberOf } from './identity.ts';

/** resolveControllerRef: the StatefulSet a controller reference names, if it still exists with that uid. */
export function resolveStatefulSet(state: ClusterState, namespace: string | undefined, ref: OwnerReference | undefined): StatefulSet | undefined {
  if (ref === undefined || ref.kind !== 'StatefulSet') return undefined;
  const set = lookupObject<StatefulSet>(state, 'StatefulSet', namespace, ref.name);
  return set?.metadata.uid === ref.uid ? set : undefined;
}

/** LabelSelectorAsSelector(...).Empty(): a set without a selector selects nothing, not everything. */
function selectsSomething(set: StatefulSet): boolean {
  const { matchLabels, matchExpressions } = set.spec.selector;
  return Object.keys(matchLabels ?? {}).length > 0 || (matchExpressions ?? []).length > 0;
}

/** getStatefulSetsForPod (GetPodStatefulSets): the sets of the namespace whose selector matches the labels. */
export function statefulSetsSelecting(state: ClusterState, namespace: string, labels: Labels | undefined): StatefulSet[] {
  return listObjects<StatefulSet>(state, 'StatefulSet', namespace).filter(
    (set) => selectsSomething(set) && labelMatcher(set.spec.selector)(labels),
  );
}

/**
 * getPodsForStatefulSet: ClaimPods with the isMemberOf filter, so a pod counts only when its
 * labels match the selector and its name is "<set>-<ordinal>". An owned pod failing either is
 * released; an orphan passing both is adopted (neither while the set is being deleted).
 * Terminal pods are claimed too: the sync replaces them.
 */
export function claimStatefulPods(state: ClusterState, set: StatefulSet): Claim<Pod> {
  const claim = claimObjects<Pod>(state, 'Pod', set, labelMatcher(set.spec.selector));
  const adopting = new Set(claim.adopt);
  const kept = claim.owned.filter((pod) => !adopting.has(pod));
  const deleting = set.metadata.deletionTimestamp !== undefined;
  const member = (pod: Pod) => isMemberOf(set, pod);
  const adopt = claim.adopt.filter(member);
  const release = deleting ? claim.release : [...claim.release, ...kept.filter((pod) => !member(pod))];
  const owned = [...kept.filter(member), ...adopt];
  return { owned, adopt, release };
}

export interface SetRevisions {
  /** The revisions the set controls or will adopt in this sync, as ListRevisions returns them. */
  readonly all: readonly ControllerRevision[];
  /** The ones without a controller, which adoptOrphanRevisions adopts first. */
  readonly orphans: readonly ControllerRevision[];
}

/**
 * ListRevisions (history.ListControllerRevisions): the revisions of the namespace the selector
 * matches whose controller is the set or nobody. Revisions controlled by another owner are not
 * the set's business.
 */
export function listRevisions(state: ClusterState, set: StatefulSet): SetRevisions {
  const all = selectObjects<ControllerRevision>(state, 'ControllerRevision', set.metadata.namespace ?? '', set.spec.selector).filter((revision) => {
    const ref = controllerOf(revision);
    return ref === undefined || ref.uid === set.metadata.uid;
  });
  return { all, orphans: all.filter((revision) => controllerOf(revision) === undefined) };
}

/**
 * The sets whose claim templates name this claim: "<template>-<set>-<ordinal>". Upstream does not
 * watch claims (its resync covers a claim that goes away); a set that waits for a stale claim to
 * be deleted is woken here instead.
 */
export function statefulSetsNamingClaim(state: ClusterState, namespace: string, claimName: string): StatefulSet[] {
  return listObjects<StatefulSet>(state, 'StatefulSet', namespace).filter((set) =>
    (set.spec.volumeClaimTemplates ?? []).some((template) => {
      const prefix = `${template.metadata.name}-${set.metadata.name}-`;
      return claimName.startsWith(prefix) && /^[0-9]+$/.test(claimName.slice(prefix.length));
    }),
  );
}
