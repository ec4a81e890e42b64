// The ReplicaSets `kubectl describe deployment` lists, found as kubectl's deployment util does
// (GetAllReplicaSetsInChunks, findNewReplicaSet, findOldReplicaSets): those the Deployment
// controls and its selector picks, oldest first; the new one is the first whose template equals
// the Deployment's but for the pod-template-hash label, and every other one is old, scaled to
// zero or not.

import { sameJson } from '../../core/canonical-json.ts';
import { fromTimestamp } from '../../core/clock.ts';
import { selectorMatches } from '../../core/labels.ts';
import type { PodTemplateSpec, ReplicaSet } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { Deployment } from '../../core/workloads.ts';
import { controlledObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { withFields } from '../../core/with-fields.ts';

const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** The template without the hash label; an empty labels map counts as none, as Semantic.DeepEqual treats nil and empty alike. */
function withoutHash(template: PodTemplateSpec): unknown {
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...labels } = template.metadata?.labels ?? {};
  const metadata = withFields(template.metadata, { labels: Object.keys(labels).length === 0 ? undefined : labels });
  return withFields(template, { metadata });
}

function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return sameJson(withoutHash(a), withoutHash(b));
}

/** replicaSetsByCreationTimestamp: oldest first, the name breaking ties. */
function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  return (
    fromTimestamp(a.metadata.creationTimestamp) - fromTimestamp(b.metadata.creationTimestamp) ||
    compareStrings(a.metadata.name, b.metadata.name)
  );
}

export interface DeploymentReplicaSets {
  readonly old: readonly ReplicaSet[];
  readonly new: ReplicaSet | undefined;
}

export function deploymentReplicaSets(state: ClusterState, deployment: Deployment): DeploymentReplicaSets {
  const owned = controlledObjects<ReplicaSet>(state, 'ReplicaSet', deployment.metadata.uid)
    .filter((rs) => selectorMatches(deployment.spec.selector, rs.metadata.labels))
    .sort(byCreation);
  const found = owned.find((rs) => equalIgnoreHash(rs.spec.template, deployment.spec.template));
  return { old: owned.filter((rs) => rs !== found), new: found };
}

/** printReplicaSetsByLabels: "web-5d4f8b7c9 (3/3 replicas created)", comma-separated, or "<none>". */
export function replicaSetsText(replicaSets: readonly ReplicaSet[]): string {
  if (replicaSets.length === 0) return '<none>';
  return replicaSets.map((rs) => `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas} replicas created)`).join(', ');
}
