// `kubectl describe deployment` (describe.go describeDeployment): identity, selector, the replica
// counts of its status, the strategy, the pod template, conditions, and its old and new ReplicaSets.

import type { Deployment } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { rfc1123z } from '../printers/time.ts';
import { deploymentReplicaSets, replicaSetsText } from './deployment-replica-sets.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { intOrStringText } from './go-values.ts';
import { annotationsMultiline, conditionsWithReason, labelsMultiline } from './fields.ts';
import { describePodTemplate } from './replicaset.ts';
import { selectorText as labelSelectorText } from '../../core/labels.ts';

export function describeDeployment(
  w: DescribeWriter,
  deployment: Deployment,
  context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  const { metadata, spec, status } = deployment;
  w.line(0, `Name:\t${metadata.name}`);
  w.line(0, `Namespace:\t${metadata.namespace ?? ''}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(metadata.creationTimestamp)}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  w.line(0, `Selector:\t${labelSelectorText(spec.selector)}`);
  w.line(
    0,
    `Replicas:\t${spec.replicas} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable`,
  );
  w.line(0, `StrategyType:\t${spec.strategy.type}`);
  w.line(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}`);
  const rollingUpdate = spec.strategy.rollingUpdate;
  if (rollingUpdate !== undefined) {
    w.line(
      0,
      `RollingUpdateStrategy:\t${intOrStringText(rollingUpdate.maxUnavailable)} max unavailable, ${intOrStringText(rollingUpdate.maxSurge)} max surge`,
    );
  }
  describePodTemplate(w, spec.template);
  conditionsWithReason(w, status.conditions);
  const replicaSets = deploymentReplicaSets(context.state, deployment);
  if (replicaSets.old.length > 0 || replicaSets.new !== undefined) {
    w.line(0, `OldReplicaSets:\t${replicaSetsText(replicaSets.old)}`);
    w.line(0, `NewReplicaSet:\t${replicaSetsText(replicaSets.new === undefined ? [] : [replicaSets.new])}`);
  }
}
