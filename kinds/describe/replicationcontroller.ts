// `kubectl describe replicationcontroller` (describe.go describeReplicationController): like a
// ReplicaSet's page, with the equality-based selector printed as labels and no "Controlled By".

import type { Labels } from '../../core/labels.ts';
import type { ReplicationController } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { formatLabels } from '../printers/labels.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, conditionsWithReason, labelsMultiline } from './fields.ts';
import { podPhasesText } from './pod-phases.ts';
import { describePodTemplate } from './replicaset.ts';

/** labels.SelectorFromSet: every label of the set, equal. */
function matchesSet(selector: Labels, labels: Labels | undefined): boolean {
  return Object.entries(selector).every(([key, value]) => labels !== undefined && Object.hasOwn(labels, key) && labels[key] === value);
}

export function describeReplicationController(
  w: DescribeWriter,
  controller: ReplicationController,
  context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  const { metadata, spec, status } = controller;
  w.line(0, `Name:\t${metadata.name}`);
  w.line(0, `Namespace:\t${metadata.namespace ?? ''}`);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  w.line(0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas} desired`);
  const phases = podPhasesText(context.state, metadata.uid, (labels) => matchesSet(spec.selector, labels));
  w.line(0, `Pods Status:\t${phases}`);
  describePodTemplate(w, spec.template);
  conditionsWithReason(w, status.conditions);
}
