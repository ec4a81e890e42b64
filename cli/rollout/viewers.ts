// What `kubectl rollout status` says of a StatefulSet or a DaemonSet, as kubectl's
// StatefulSetStatusViewer and DaemonSetStatusViewer (staging/src/k8s.io/kubectl/pkg/polymorphichelpers
// rollout_status.go) say it; the Deployment's viewer is the Deployment controller's rollout-status.ts.

import type { DaemonSet, StatefulSet } from '../../core/workloads.ts';

export type StatusView =
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'status'; readonly message: string; readonly done: boolean };

const waiting = (message: string): StatusView => ({ kind: 'status', message, done: false });
const ONLY_ROLLING = 'rollout status is only available for RollingUpdate strategy type';

export function statefulSetStatusView(set: StatefulSet): StatusView {
  const { spec, status, metadata } = set;
  if (spec.updateStrategy.type !== 'RollingUpdate') return { kind: 'error', message: ONLY_ROLLING };
  if ((status.observedGeneration ?? 0) === 0 || (metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return waiting('Waiting for statefulset spec update to be observed...');
  }
  const ready = status.readyReplicas ?? 0;
  if (ready < spec.replicas) return waiting(`Waiting for ${spec.replicas - ready} pods to be ready...`);
  const partition = spec.updateStrategy.rollingUpdate?.partition ?? 0;
  if (partition > 0) {
    const wanted = spec.replicas - partition;
    const updated = status.updatedReplicas ?? 0;
    if (updated < wanted) return waiting(`Waiting for partitioned roll out to finish: ${updated} out of ${wanted} new pods have been updated...`);
    return { kind: 'status', message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return waiting(`waiting for statefulset rolling update to complete ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision ?? ''}...`);
  }
  return { kind: 'status', message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...`, done: true };
}

export function daemonSetStatusView(set: DaemonSet): StatusView {
  const { spec, status, metadata } = set;
  if (spec.updateStrategy.type !== 'RollingUpdate') return { kind: 'error', message: ONLY_ROLLING };
  if ((metadata.generation ?? 0) > (status.observedGeneration ?? 0)) return waiting('Waiting for daemon set spec update to be observed...');
  const name = JSON.stringify(metadata.name);
  const desired = status.desiredNumberScheduled ?? 0;
  const updated = status.updatedNumberScheduled ?? 0;
  const available = status.numberAvailable ?? 0;
  if (updated < desired) return waiting(`Waiting for daemon set ${name} rollout to finish: ${updated} out of ${desired} new pods have been updated...`);
  if (available < desired) return waiting(`Waiting for daemon set ${name} rollout to finish: ${available} of ${desired} updated pods are available...`);
  return { kind: 'status', message: `daemon set ${name} successfully rolled out`, done: true };
}
