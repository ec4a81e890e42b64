// VolumeBinding (pkg/scheduler/framework/plugins/volumebinding, v1.34), for the claims a pod's
// volumes name (persistentVolumeClaim, and the <pod>-<volume> claims of generic ephemeral volumes):
//
// - PreFilter refuses a pod whose claim is missing or being deleted, or that has an unbound claim
//   of a class that binds at once (the PV controller binds those; the pod waits for it), as
//   UnschedulableAndUnresolvable;
// - Filter refuses a node outside a bound volume's node affinity, and, for each claim that waits
//   for its first consumer, a node where no matching Available volume is reachable and the class
//   cannot provision (kubernetes.io/no-provisioner), or that another node was already selected for;
// - PreBind, on the chosen node, reserves the matching static volumes (the volume's claimRef, as
//   the PV controller would write it) and asks for the others to be provisioned there (the claim's
//   volume.kubernetes.io/selected-node annotation). The pod is bound only once every claim is
//   bound; until then it waits in the queue (scheduler index.ts), as upstream's PreBind waits.
//
// A pod without such volumes skips the plugin: its claim list is empty and nothing is read.

import type { Pod } from '../../../core/objects.ts';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, type Claim, NO_PROVISIONER, type PersistentVolume, type StorageClass } from '../../../core/storage.ts';
import { kindTable, listObjects, lookupObject } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { claimClassName, findBestMatchForClaim, type MatchNode, volumeClassName, volumeFitsNode } from '../../common/volume-matching.ts';
import type { NodeView } from '../node-views.ts';

export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

const NO_CLAIMS: readonly string[] = [];

interface VolumeSource {
  readonly name?: unknown;
  readonly persistentVolumeClaim?: { readonly claimName?: unknown };
  readonly ephemeral?: unknown;
}

/** The claims the pod's volumes name, in volume order; the same empty list for a pod with none. */
export function podClaimNames(pod: Pod): readonly string[] {
  const volumes = pod.spec.volumes;
  if (!Array.isArray(volumes) || volumes.length === 0) return NO_CLAIMS;
  let names: string[] | undefined;
  for (const volume of volumes as readonly VolumeSource[]) {
    const claimName = volume.persistentVolumeClaim?.claimName;
    const name = typeof claimName === 'string' ? claimName : volume.ephemeral !== undefined && typeof volume.name === 'string' ? `${pod.metadata.name}-${volume.name}` : undefined;
    if (name !== undefined) (names ??= []).push(name);
  }
  return names ?? NO_CLAIMS;
}

export interface ClaimToBind {
  readonly claim: Claim;
  readonly storageClass: StorageClass | undefined;
  /** The class's volumes, which FindMatchingVolume may choose from. */
  readonly candidates: readonly PersistentVolume[];
}

/** The PreFilter state: the bound volumes to check per node, and the claims that wait for a node. */
export interface VolumeBindingState {
  readonly boundVolumes: readonly PersistentVolume[];
  readonly claimsToBind: readonly ClaimToBind[];
}

export type VolumeBindingPreFilter = VolumeBindingState | { readonly rejected: string };

/** isPVCFullyBound: the claim names its volume, which exists, and the PV controller finished. */
function boundVolumeOf(claim: Claim, state: ClusterState): PersistentVolume | undefined {
  const volumeName = claim.spec.volumeName ?? '';
  if (volumeName === '' || (claim.metadata.annotations ?? {})[ANN_BIND_COMPLETED] === undefined) return undefined;
  return lookupObject<PersistentVolume>(state, 'PersistentVolume', undefined, volumeName);
}

export function volumeBindingPreFilter(pod: Pod, claimNames: readonly string[], state: ClusterState): VolumeBindingPreFilter {
  const namespace = pod.metadata.namespace ?? 'default';
  const claims = kindTable<Claim>(state, 'PersistentVolumeClaim');
  const boundVolumes: PersistentVolume[] = [];
  const waiting: Claim[] = [];
  let immediate = false;
  for (const name of claimNames) {
    const claim = claims.get(`${namespace}/${name}`);
    if (claim === undefined) return { rejected: `persistentvolumeclaim "${name}" not found` };
    if (claim.metadata.deletionTimestamp !== undefined) return { rejected: `persistentvolumeclaim "${name}" is being deleted` };
    const bound = boundVolumeOf(claim, state);
    if (bound !== undefined) {
      boundVolumes.push(bound);
      continue;
    }
    const className = claimClassName(claim);
    const storageClass = className === '' ? undefined : lookupObject<StorageClass>(state, 'StorageClass', undefined, className);
    if (storageClass?.volumeBindingMode !== 'WaitForFirstConsumer') immediate = true;
    else waiting.push(claim);
  }
  if (immediate) return { rejected: ERR_UNBOUND_IMMEDIATE };
  return { boundVolumes, claimsToBind: waiting.map((claim) => claimToBind(claim, state)) };
}

function claimToBind(claim: Claim, state: ClusterState): ClaimToBind {
  const className = claimClassName(claim);
  const storageClass = lookupObject<StorageClass>(state, 'StorageClass', undefined, className);
  const candidates = listObjects<PersistentVolume>(state, 'PersistentVolume').filter((volume) => volumeClassName(volume) === className);
  return { claim, storageClass, candidates };
}

/** What the chosen node needs before the pod can be bound there. */
export interface VolumePlan {
  /** Static volumes chosen for claims (FindPodVolumes' staticBindings). */
  readonly staticBindings: readonly { readonly claim: Claim; readonly volume: PersistentVolume }[];
  /** Claims the class will provision on this node (dynamicProvisions). */
  readonly provisions: readonly Claim[];
}

const matchNode = (node: NodeView): MatchNode => ({ name: node.name, labels: node.labels });

/** FindPodVolumes for the claims that wait: the node's plan, or undefined when they cannot be met there. */
export function planVolumes(state: VolumeBindingState, node: NodeView): VolumePlan | undefined {
  const staticBindings: { claim: Claim; volume: PersistentVolume }[] = [];
  const provisions: Claim[] = [];
  const chosen = new Set<string>();
  for (const { claim, storageClass, candidates } of state.claimsToBind) {
    const selected = (claim.metadata.annotations ?? {})[ANN_SELECTED_NODE];
    if (selected !== undefined) {
      // A node was already chosen for this claim: only that node will do.
      if (selected !== node.name) return undefined;
    } else {
      const volume = findBestMatchForClaim(candidates, { claim, node: matchNode(node), excluded: chosen, delayBinding: true });
      if (volume !== undefined) {
        chosen.add(volume.metadata.name);
        staticBindings.push({ claim, volume });
        continue;
      }
    }
    // checkVolumeProvisions: a class that cannot provision leaves the claim unmet.
    const provisioner = storageClass?.provisioner ?? '';
    if (provisioner === '' || provisioner === NO_PROVISIONER) return undefined;
    provisions.push(claim);
  }
  return { staticBindings, provisions };
}

export function volumeBindingFilter(state: VolumeBindingState | undefined, node: NodeView): string | undefined {
  if (state === undefined) return undefined;
  for (const volume of state.boundVolumes) {
    if (!volumeFitsNode(volume, matchNode(node))) return ERR_REASON_NODE_CONFLICT;
  }
  if (state.claimsToBind.length === 0) return undefined;
  return planVolumes(state, node) === undefined ? ERR_REASON_BIND_CONFLICT : undefined;
}

/** The writes of PreBind (bindAPIUpdate), skipping those already made. */
export function preBindPatches(plan: VolumePlan, nodeName: string): { readonly kind: string; readonly namespace?: string; readonly name: string; readonly patch: unknown }[] {
  const patches: { kind: string; namespace?: string; name: string; patch: unknown }[] = [];
  for (const { claim, volume } of plan.staticBindings) {
    if (volume.spec.claimRef?.uid === claim.metadata.uid) continue;
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace ?? 'default', name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1' };
    patches.push({ kind: 'PersistentVolume', name: volume.metadata.name, patch: { metadata: { annotations: { [ANN_BOUND_BY_CONTROLLER]: 'yes' } }, spec: { claimRef } } });
  }
  for (const claim of plan.provisions) {
    if ((claim.metadata.annotations ?? {})[ANN_SELECTED_NODE] === nodeName) continue;
    patches.push({ kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace ?? 'default', name: claim.metadata.name, patch: { metadata: { annotations: { [ANN_SELECTED_NODE]: nodeName } } } });
  }
  return patches;
}
