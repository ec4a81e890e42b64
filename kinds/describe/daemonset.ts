// `kubectl describe daemonset` (describe.go describeDaemonSet): identity, selectors, the node
// counts of its status, the phases of its pods and its pod template.

import { selectorMatches } from '../../core/labels.ts';
import type { DaemonSet } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { formatLabels } from '../printers/labels.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { podPhasesText } from './pod-phases.ts';
import { describePodTemplate } from './replicaset.ts';
import { selectorText as labelSelectorText } from '../../core/labels.ts';

export function describeDaemonSet(
  w: DescribeWriter,
  set: DaemonSet,
  context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  const { metadata, spec, status } = set;
  w.line(0, `Name:\t${metadata.name}`);
  w.line(0, `Namespace:\t${metadata.namespace ?? ''}`);
  w.line(0, `Selector:\t${labelSelectorText(spec.selector)}`);
  w.line(0, `Node-Selector:\t${formatLabels(spec.template.spec.nodeSelector)}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  // Upstream writes these counts with a space, not a tab, so they stay out of the columns.
  w.line(0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}`);
  w.line(0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}`);
  w.line(0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}`);
  const phases = podPhasesText(context.state, metadata.uid, (labels) => selectorMatches(spec.selector, labels));
  w.line(0, `Pods Status:\t${phases}`);
  describePodTemplate(w, spec.template);
}
