// `kubectl describe persistentvolumeclaim` (describe.go describePersistentVolumeClaim,
// printPersistentVolumeClaim, getPodsForPVC): class, phase and volume, metadata, what the bound
// volume gives, the pods that use the claim, and the claim's conditions.

import type { Condition, Pod } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { PersistentVolumeClaim } from '../../core/workloads.ts';
import { listObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { ageSince, rfc1123z } from '../printers/time.ts';
import { accessModesText, claimStorageClass, stringList } from './claim-fields.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { goStringSlice } from './go-values.ts';
import { canonicalQuantity } from './quantity-text.ts';

type Fields = Readonly<Record<string, unknown>>;

function fieldsAt(value: unknown): Fields {
  return typeof value === 'object' && value !== null ? (value as Fields) : {};
}

function claimsVolume(volume: unknown, claimName: string): boolean {
  return fieldsAt(fieldsAt(volume).persistentVolumeClaim).claimName === claimName;
}

/**
 * getPodsForPVC: each pod of the namespace once per volume that names the claim, then the pods
 * that own the claim (generic ephemeral volumes) when not already listed. No index maps claims
 * to pods, so the namespace's pods are read, as kubectl lists them.
 */
export function podsUsingClaim(state: ClusterState, claim: PersistentVolumeClaim): Pod[] {
  const pods = listObjects<Pod>(state, 'Pod', claim.metadata.namespace ?? '');
  const using: Pod[] = [];
  for (const pod of pods) {
    const volumes = Array.isArray(pod.spec.volumes) ? (pod.spec.volumes as unknown[]) : [];
    for (const volume of volumes) if (claimsVolume(volume, claim.metadata.name)) using.push(pod);
  }
  for (const owner of claim.metadata.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = pods.find((candidate) => candidate.metadata.uid === owner.uid);
    if (pod !== undefined && !using.includes(pod)) using.push(pod);
  }
  return using;
}

/** printPodsMultiline: pod names sorted, one a line, or "<none>". */
function describeUsedBy(w: DescribeWriter, pods: readonly Pod[]): void {
  const names = pods.map((pod) => pod.metadata.name).sort(compareStrings);
  if (names.length === 0) {
    w.line(0, 'Used By:\t<none>');
    return;
  }
  names.forEach((name, i) => w.line(0, `${i === 0 ? 'Used By:' : ''}\t${name}`));
}

function describeVolumeFields(w: DescribeWriter, claim: PersistentVolumeClaim): void {
  const { spec, status } = claim;
  const volumeName = typeof spec.volumeName === 'string' ? spec.volumeName : '';
  // Capacity and access modes are the bound volume's, from the status; an unbound claim has none.
  const storage = fieldsAt(status.capacity).storage;
  const capacity = volumeName === '' ? '' : canonicalQuantity(typeof storage === 'string' || typeof storage === 'number' ? storage : 0);
  w.line(0, `Capacity:\t${capacity}`);
  w.line(0, `Access Modes:\t${volumeName === '' ? '' : accessModesText(stringList(status.accessModes))}`);
  if (typeof spec.volumeMode === 'string') w.line(0, `VolumeMode:\t${spec.volumeMode}`);
  if (spec.dataSource !== undefined && spec.dataSource !== null) {
    const source = fieldsAt(spec.dataSource);
    w.line(0, 'DataSource:');
    if (typeof source.apiGroup === 'string') w.line(1, `APIGroup:\t${source.apiGroup}`);
    w.line(1, `Kind:\t${String(source.kind ?? '')}`);
    w.line(1, `Name:\t${String(source.name ?? '')}`);
  }
}

function describeClaimConditions(w: DescribeWriter, conditions: readonly Condition[]): void {
  if (conditions.length === 0) return;
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage');
  w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
  for (const c of conditions) {
    w.line(
      1,
      `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`,
    );
  }
}

export function describePersistentVolumeClaim(
  w: DescribeWriter,
  claim: PersistentVolumeClaim,
  context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  const { metadata, spec, status } = claim;
  w.line(0, `Name:\t${metadata.name}`);
  w.line(0, `Namespace:\t${metadata.namespace ?? ''}`);
  w.line(0, `StorageClass:\t${claimStorageClass(claim)}`);
  w.line(
    0,
    metadata.deletionTimestamp === undefined
      ? `Status:\t${status.phase ?? ''}`
      : `Status:\tTerminating (lasts ${ageSince(metadata.deletionTimestamp, context.nowMs)})`,
  );
  w.line(0, `Volume:\t${typeof spec.volumeName === 'string' ? spec.volumeName : ''}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  w.line(0, `Finalizers:\t${goStringSlice(metadata.finalizers ?? [])}`);
  describeVolumeFields(w, claim);
  describeUsedBy(w, podsUsingClaim(context.state, claim));
  describeClaimConditions(w, Array.isArray(status.conditions) ? (status.conditions as Condition[]) : []);
}
