// `kubectl describe statefulset` (describe.go describeStatefulSet and describeVolumeClaimTemplates):
// identity, selector, replicas, the update strategy, the phases of its pods, its pod template and
// the claims each pod gets.

import { selectorMatches } from '../../core/labels.ts';
import type { PersistentVolumeClaimTemplate, StatefulSet } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { rfc1123z } from '../printers/time.ts';
import { claimStorageClass, labelsWithIndent, stringList } from './claim-fields.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { goStringSlice, intOrStringText } from './go-values.ts';
import { podPhasesText } from './pod-phases.ts';
import { canonicalQuantity } from './quantity-text.ts';
import { describePodTemplate } from './replicaset.ts';
import { selectorText as labelSelectorText } from '../../core/labels.ts';

function requestedStorage(template: PersistentVolumeClaimTemplate): string | undefined {
  const resources = template.spec.resources as { readonly requests?: Readonly<Record<string, string | number>> } | undefined;
  const storage = resources?.requests?.storage;
  return storage === undefined ? undefined : canonicalQuantity(storage);
}

function describeVolumeClaimTemplates(w: DescribeWriter, templates: readonly PersistentVolumeClaimTemplate[]): void {
  if (templates.length === 0) {
    w.line(0, 'Volume Claims:\t<none>');
    return;
  }
  w.line(0, 'Volume Claims:');
  for (const template of templates) {
    w.line(1, `Name:\t${template.metadata.name}`);
    w.line(1, `StorageClass:\t${claimStorageClass(template)}`);
    labelsWithIndent(w, '  ', 'Labels', template.metadata.labels);
    labelsWithIndent(w, '  ', 'Annotations', template.metadata.annotations);
    w.line(1, `Capacity:\t${requestedStorage(template) ?? '<default>'}`);
    w.line(1, `Access Modes:\t${goStringSlice(stringList(template.spec.accessModes))}`);
  }
}

function describeUpdateStrategy(w: DescribeWriter, set: StatefulSet): void {
  const strategy = set.spec.updateStrategy;
  w.line(0, `Update Strategy:\t${strategy.type}`);
  // Upstream prints maxUnavailable only under a partition.
  const partition = strategy.rollingUpdate?.partition;
  if (partition === undefined) return;
  w.line(1, `Partition:\t${partition}`);
  const maxUnavailable = strategy.rollingUpdate?.maxUnavailable;
  if (maxUnavailable !== undefined) w.line(1, `MaxUnavailable:\t${intOrStringText(maxUnavailable)}`);
}

export function describeStatefulSet(
  w: DescribeWriter,
  set: StatefulSet,
  context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  const { metadata, spec, status } = set;
  w.line(0, `Name:\t${metadata.name}`);
  w.line(0, `Namespace:\t${metadata.namespace ?? ''}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(metadata.creationTimestamp)}`);
  w.line(0, `Selector:\t${labelSelectorText(spec.selector)}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  w.line(0, `Replicas:\t${spec.replicas} desired | ${status.replicas ?? 0} total`);
  describeUpdateStrategy(w, set);
  const phases = podPhasesText(context.state, metadata.uid, (labels) => selectorMatches(spec.selector, labels));
  w.line(0, `Pods Status:\t${phases}`);
  describePodTemplate(w, spec.template);
  describeVolumeClaimTemplates(w, spec.volumeClaimTemplates ?? []);
}
