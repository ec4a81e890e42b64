// `kubectl describe persistentvolume` and `describe storageclass` (describe.go
// describePersistentVolume and describeStorageClass, v1.34), for the volume sources scenarios use:
// hostPath, local and CSI; any other source prints its type's name only.

import type { NodeSelectorTerm } from '../../core/objects.ts';
import type { PersistentVolume, StorageClass } from '../../core/storage.ts';
import { isDefaultClass } from '../admission/default-storage-class.ts';
import { formatLabels } from '../printers/labels.ts';
import { claimRefText } from '../printers/storage.ts';
import { accessModesText } from './claim-fields.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { goStringSlice } from './go-values.ts';

type Source = Readonly<Record<string, unknown>>;

function describeSource(w: DescribeWriter, spec: PersistentVolume['spec']): void {
  w.line(0, 'Source:');
  const hostPath = spec.hostPath as Source | undefined;
  if (hostPath !== undefined) {
    w.line(2, 'Type:\tHostPath (bare host directory volume)');
    w.line(2, `Path:\t${String(hostPath.path ?? '')}`);
    w.line(2, `HostPathType:\t${String(hostPath.type ?? '')}`);
    return;
  }
  const local = spec.local as Source | undefined;
  if (local !== undefined) {
    w.line(2, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)');
    w.line(2, `Path:\t${String(local.path ?? '')}`);
    return;
  }
  const csi = spec.csi as Source | undefined;
  if (csi !== undefined) {
    w.line(2, 'Type:\tCSI (a Container Storage Interface (CSI) volume source)');
    w.line(2, `Driver:\t${String(csi.driver ?? '')}`);
    w.line(2, `FSType:\t${String(csi.fsType ?? '')}`);
    w.line(2, `VolumeHandle:\t${String(csi.volumeHandle ?? '')}`);
    w.line(2, `ReadOnly:\t${String(csi.readOnly === true)}`);
    return;
  }
  w.line(2, 'Type:\t<unknown>');
}

function requirementText(requirement: { readonly key: string; readonly operator: string; readonly values?: readonly string[] }): string {
  return `${requirement.key} ${requirement.operator.toLowerCase()} [${(requirement.values ?? []).join(', ')}]`;
}

/** printNodeSelectorTermsMultilineWithIndent: "Term i:" then each expression, "<none>" for an empty term. */
function describeNodeAffinity(w: DescribeWriter, terms: readonly NodeSelectorTerm[] | undefined): void {
  if (terms === undefined) {
    w.line(0, 'Node Affinity:\t<none>');
    return;
  }
  w.line(0, 'Node Affinity:\t');
  w.line(1, 'Required Terms:\t');
  terms.forEach((term, index) => {
    const expressions = [...(term.matchExpressions ?? []), ...(term.matchFields ?? [])].map(requirementText);
    if (expressions.length === 0) w.line(2, `Term ${index}:\t<none>`);
    expressions.forEach((text, i) => w.line(2, `${i === 0 ? `Term ${index}:` : ''}\t${text}`));
  });
}

export function describePersistentVolume(w: DescribeWriter, volume: PersistentVolume): void {
  const { metadata, spec, status } = volume;
  w.line(0, `Name:\t${metadata.name}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  w.line(0, `Finalizers:\t${goStringSlice(metadata.finalizers ?? [])}`);
  w.line(0, `StorageClass:\t${spec.storageClassName ?? ''}`);
  w.line(0, metadata.deletionTimestamp === undefined ? `Status:\t${status.phase ?? ''}` : `Status:\tTerminating`);
  w.line(0, `Claim:\t${claimRefText(volume)}`);
  w.line(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}`);
  w.line(0, `Access Modes:\t${accessModesText(spec.accessModes ?? [])}`);
  if (spec.volumeMode !== undefined) w.line(0, `VolumeMode:\t${spec.volumeMode}`);
  w.line(0, `Capacity:\t${spec.capacity?.storage ?? ''}`);
  describeNodeAffinity(w, spec.nodeAffinity?.required?.nodeSelectorTerms);
  w.line(0, `Message:\t${status.message ?? ''}`);
  describeSource(w, spec);
}

export function describeStorageClass(w: DescribeWriter, storageClass: StorageClass): void {
  const mountOptions = Array.isArray(storageClass.mountOptions) ? (storageClass.mountOptions as string[]) : [];
  w.line(0, `Name:\t${storageClass.metadata.name}`);
  w.line(0, `IsDefaultClass:\t${isDefaultClass(storageClass) ? 'Yes' : 'No'}`);
  w.line(0, `Annotations:\t${formatLabels(storageClass.metadata.annotations)}`);
  w.line(0, `Provisioner:\t${storageClass.provisioner}`);
  w.line(0, `Parameters:\t${formatLabels(storageClass.parameters)}`);
  w.line(0, `AllowVolumeExpansion:\t${storageClass.allowVolumeExpansion === undefined ? '<unset>' : String(storageClass.allowVolumeExpansion)}`);
  w.line(0, `MountOptions:\t${mountOptions.length === 0 ? '<none>' : mountOptions.join(', ')}`);
  if (storageClass.reclaimPolicy !== undefined) w.line(0, `ReclaimPolicy:\t${storageClass.reclaimPolicy}`);
  if (storageClass.volumeBindingMode !== undefined) w.line(0, `VolumeBindingMode:\t${storageClass.volumeBindingMode}`);
}
