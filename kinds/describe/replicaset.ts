// `kubectl describe replicaset` (describe.go describeReplicaSet and DescribePodTemplate): the
// selector, replicas, the phases of the pods it controls, its pod template and conditions.

import { formatSelector } from '../../core/labels.ts';
import { controllerOf, type PodTemplateSpec, type ReplicaSet } from '../../core/objects.ts';
import { controlledKeys } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { describeContainers } from './containers.ts';
import type { DescribeWriter } from './describe-writer.ts';
import {
  annotationsMultiline,
  conditionsWithReason,
  labelsMultiline,
  tolerationsMultiline,
} from './fields.ts';
import { describeTopologySpreadConstraints } from './topology-spread.ts';
import { describeVolumes } from './volumes.ts';

/** getPodStatusForController: the phases of the pods this ReplicaSet controls (by uid). */
function podPhases(state: ClusterState, replicaSet: ReplicaSet): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const key of controlledKeys(state, 'Pod', replicaSet.metadata.uid)) {
    const phase = state.pods.get(key)?.status.phase;
    if (phase !== undefined && phase in counts) counts[phase as keyof typeof counts]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describePodTemplate(w: DescribeWriter, template: PodTemplateSpec): void {
  const { spec } = template;
  w.line(0, 'Pod Template:');
  labelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    annotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '')
    w.line(1, `Service Account:\t${spec.serviceAccountName}`);
  if ((spec.initContainers ?? []).length > 0)
    describeContainers(w, 'Init Containers', spec.initContainers ?? [], undefined, '  ');
  describeContainers(w, 'Containers', spec.containers, undefined, '  ');
  describeVolumes(w, spec.volumes, '  ');
  describeTopologySpreadConstraints(w, spec.topologySpreadConstraints, '  ');
  if (typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '')
    w.line(1, `Priority Class Name:\t${spec.priorityClassName}`);
  labelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, '  Tolerations', spec.tolerations);
}

export function describeReplicaSet(w: DescribeWriter, replicaSet: ReplicaSet, state: ClusterState): void {
  w.line(0, `Name:\t${replicaSet.metadata.name}`);
  w.line(0, `Namespace:\t${replicaSet.metadata.namespace ?? ''}`);
  w.line(0, `Selector:\t${formatSelector(replicaSet.spec.selector)}`);
  labelsMultiline(w, 'Labels', replicaSet.metadata.labels);
  annotationsMultiline(w, 'Annotations', replicaSet.metadata.annotations);
  const owner = controllerOf(replicaSet);
  if (owner !== undefined) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  w.line(0, `Replicas:\t${replicaSet.status.replicas} current / ${replicaSet.spec.replicas} desired`);
  w.line(0, `Pods Status:\t${podPhases(state, replicaSet)}`);
  describePodTemplate(w, replicaSet.spec.template);
  conditionsWithReason(w, replicaSet.status.conditions);
}
