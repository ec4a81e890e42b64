// Matching claims to PersistentVolumes, shared by the PV controller and the scheduler's
// VolumeBinding plugin (component-helpers/storage/volume pv_helpers.go FindMatchingVolume and
// pkg/controller/volume/persistentvolume/index.go findByClaim, v1.34). Volumes are tried by their
// access-mode set, the sets with fewest modes first (a claim for RWO prefers an RWO volume to an
// RWO+RWX one of any size); within a set a volume pre-bound to the claim wins at once, else the
// smallest that fits the request, the class, the selector, the volume mode and, on the scheduler's
// path, the node.

import type { Labels } from '../../core/labels.ts';
import { selectorMatches } from '../../core/labels.ts';
import { parseQuantity } from '../../core/quantity.ts';
import type { Claim, PersistentVolume } from '../../core/storage.ts';
import { compareStrings } from '../../core/table.ts';
import { parseTerm, termMatches } from './node-selector.ts';

const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

export interface MatchNode {
  readonly name: string;
  readonly labels: Labels;
}

/** GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName, else "". */
export function claimClassName(claim: Claim): string {
  const annotations = claim.metadata.annotations ?? {};
  if (Object.hasOwn(annotations, BETA_CLASS_ANNOTATION)) return annotations[BETA_CLASS_ANNOTATION] ?? '';
  return claim.spec.storageClassName ?? '';
}

/** GetPersistentVolumeClass: the beta annotation first, then spec.storageClassName. */
export function volumeClassName(volume: PersistentVolume): string {
  const annotations = volume.metadata.annotations ?? {};
  if (Object.hasOwn(annotations, BETA_CLASS_ANNOTATION)) return annotations[BETA_CLASS_ANNOTATION] ?? '';
  return volume.spec.storageClassName ?? '';
}

export function requestedBytes(claim: Claim): number {
  return parseQuantity(claim.spec.resources?.requests?.storage ?? '0') ?? 0;
}

export function capacityBytes(volume: PersistentVolume): number {
  return parseQuantity(volume.spec.capacity?.storage ?? '0') ?? 0;
}

/** IsVolumeBoundToClaim: the claim reference names the claim, and its uid (when set) is the claim's. */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: Claim): boolean {
  const ref = volume.spec.claimRef;
  if (ref === undefined) return false;
  if (ref.name !== claim.metadata.name || (ref.namespace ?? '') !== (claim.metadata.namespace ?? '')) return false;
  return ref.uid === undefined || ref.uid === '' || ref.uid === claim.metadata.uid;
}

/** CheckNodeAffinity: a volume without node affinity fits every node; otherwise one term must match. */
export function volumeFitsNode(volume: PersistentVolume, node: MatchNode): boolean {
  const terms = volume.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (terms === undefined) return true;
  return terms.some((term) => termMatches(parseTerm(term), node.labels, node.name));
}

function volumeMode(mode: string | undefined): string {
  return mode ?? 'Filesystem';
}

/** CheckAccessModes: the volume offers every mode the claim asks for. */
export function offersAccessModes(volume: PersistentVolume, claim: Claim): boolean {
  const offered = volume.spec.accessModes ?? [];
  return (claim.spec.accessModes ?? []).every((mode) => offered.includes(mode));
}

interface MatchInput {
  readonly claim: Claim;
  /** Set on the scheduler's path: only volumes that fit this node, and access modes are checked. */
  readonly node?: MatchNode;
  /** Volumes already chosen for the pod's other claims. */
  readonly excluded?: ReadonlySet<string>;
  /** The claim's class binds on first consumer: the PV controller leaves it to the scheduler. */
  readonly delayBinding: boolean;
}

/** FindMatchingVolume over one access-mode set; undefined when nothing matches. */
function findMatchingVolume(volumes: readonly PersistentVolume[], input: MatchInput): PersistentVolume | undefined {
  const { claim, node } = input;
  const requested = requestedBytes(claim);
  const requestedClass = claimClassName(claim);
  const selector = claim.spec.selector ?? undefined;
  let smallest: PersistentVolume | undefined;
  for (const volume of volumes) {
    if (input.excluded?.has(volume.metadata.name) === true) continue;
    const boundToClaim = isVolumeBoundToClaim(volume, claim);
    if (volume.spec.claimRef !== undefined && !boundToClaim) continue;
    if (capacityBytes(volume) < requested) continue;
    if (volumeMode(volume.spec.volumeMode) !== volumeMode(claim.spec.volumeMode)) continue;
    if (volume.metadata.deletionTimestamp !== undefined) continue;
    const fitsNode = node === undefined || volumeFitsNode(volume, node);
    if (boundToClaim) return fitsNode ? volume : undefined;
    if (node === undefined && input.delayBinding) continue;
    if (volume.status.phase !== 'Available') continue;
    if (selector !== undefined && !selectorMatches(selector, volume.metadata.labels)) continue;
    if (volumeClassName(volume) !== requestedClass || !fitsNode) continue;
    if (node !== undefined && !offersAccessModes(volume, claim)) continue;
    if (smallest === undefined || capacityBytes(smallest) > capacityBytes(volume)) smallest = volume;
  }
  return smallest;
}

function modeSetKey(volume: PersistentVolume): string {
  return [...new Set(volume.spec.accessModes ?? [])].sort(compareStrings).join(',');
}

/**
 * findByClaim: the volumes grouped by access-mode set, the sets that hold every mode the claim
 * asks for tried with the fewest modes first (ties by name, for a fixed order), each set's
 * volumes in name order.
 */
export function findBestMatchForClaim(volumes: readonly PersistentVolume[], input: MatchInput): PersistentVolume | undefined {
  const wanted = input.claim.spec.accessModes ?? [];
  const groups = new Map<string, PersistentVolume[]>();
  for (const volume of volumes) {
    const key = modeSetKey(volume);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [volume]);
    else group.push(volume);
  }
  const candidates = [...groups.keys()]
    .map((key) => ({ key, modes: key === '' ? [] : key.split(',') }))
    .filter(({ modes }) => wanted.every((mode) => modes.includes(mode)))
    .sort((a, b) => a.modes.length - b.modes.length || compareStrings(a.key, b.key));
  for (const { key } of candidates) {
    const found = findMatchingVolume(groups.get(key) ?? [], input);
    if (found !== undefined) return found;
  }
  return undefined;
}
