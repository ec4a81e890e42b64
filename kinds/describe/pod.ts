// `kubectl describe pod`, in describe.go's order (describePod): identity, placement, status,
// containers, conditions, volumes, QoS and tolerations, then the pod's history from the log.

import { controllerOf, type Pod } from '../../core/objects.ts';
import type { FullPodStatus } from '../printers/pod-status.ts';
import { ageSince, rfc1123z } from '../printers/time.ts';
import { describeContainers } from './containers.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline, tolerationsMultiline } from './fields.ts';
import { qosClass } from './pod-resources.ts';
import { describeVolumes } from './volumes.ts';

function describeIdentity(w: DescribeWriter, pod: Pod): void {
  const { spec, status } = pod;
  w.line(0, `Name:\t${pod.metadata.name}`);
  w.line(0, `Namespace:\t${pod.metadata.namespace ?? ''}`);
  if (spec.priority !== undefined) w.line(0, `Priority:\t${spec.priority}`);
  if (typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '')
    w.line(0, `Priority Class Name:\t${spec.priorityClassName}`);
  if (typeof spec.runtimeClassName === 'string' && spec.runtimeClassName !== '')
    w.line(0, `Runtime Class Name:\t${spec.runtimeClassName}`);
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '')
    w.line(0, `Service Account:\t${spec.serviceAccountName}`);
  w.line(
    0,
    spec.nodeName === undefined || spec.nodeName === ''
      ? 'Node:\t<none>'
      : `Node:\t${spec.nodeName}/${status.hostIP ?? ''}`,
  );
  if (status.startTime !== undefined) w.line(0, `Start Time:\t${rfc1123z(status.startTime)}`);
  labelsMultiline(w, 'Labels', pod.metadata.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations);
}

function describeStatus(w: DescribeWriter, pod: Pod, nowMs: number): void {
  const status = pod.status as FullPodStatus;
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (deletionTimestamp !== undefined && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.line(0, `Status:\tTerminating (lasts ${ageSince(deletionTimestamp, nowMs)})`);
    w.line(0, `Termination Grace Period:\t${deletionGracePeriodSeconds ?? 0}s`);
  } else {
    w.line(0, `Status:\t${status.phase}`);
  }
  if (status.reason !== undefined && status.reason !== '') w.line(0, `Reason:\t${status.reason}`);
  if (status.message !== undefined && status.message !== '') w.line(0, `Message:\t${status.message}`);
  w.line(0, `IP:\t${status.podIP ?? ''}`);
  const ips = status.podIPs ?? (status.podIP === undefined ? [] : [{ ip: status.podIP }]);
  if (ips.length === 0) w.line(0, 'IPs:\t<none>');
  else {
    w.line(0, 'IPs:');
    for (const ip of ips) w.line(1, `IP:\t${ip.ip}`);
  }
  const owner = controllerOf(pod);
  if (owner !== undefined) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  if (status.nominatedNodeName !== undefined && status.nominatedNodeName !== '')
    w.line(0, `NominatedNodeName:\t${status.nominatedNodeName}`);
}

function describeConditions(w: DescribeWriter, pod: Pod): void {
  const gates = (pod.spec.readinessGates ?? []) as readonly { readonly conditionType: string }[];
  const conditions = pod.status.conditions ?? [];
  if (gates.length > 0) {
    w.line(0, 'Readiness Gates:');
    w.line(1, 'Type\tStatus');
    for (const gate of gates) {
      const status =
        conditions.find((condition) => condition.type === gate.conditionType)?.status ?? '<none>';
      w.line(1, `${gate.conditionType} \t${status} `);
    }
  }
  if (conditions.length === 0) return;
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus');
  for (const condition of conditions) w.line(1, `${condition.type} \t${condition.status} `);
}

export function describePod(w: DescribeWriter, pod: Pod, nowMs: number): void {
  const status = pod.status as FullPodStatus;
  describeIdentity(w, pod);
  describeStatus(w, pod, nowMs);
  const initContainers = pod.spec.initContainers ?? [];
  if (initContainers.length > 0)
    describeContainers(w, 'Init Containers', initContainers, status.initContainerStatuses ?? [], '');
  describeContainers(w, 'Containers', pod.spec.containers, status.containerStatuses ?? [], '');
  describeConditions(w, pod);
  describeVolumes(w, pod.spec.volumes, '');
  w.line(0, `QoS Class:\t${qosClass(pod)}`);
  labelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
}
