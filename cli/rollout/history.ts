// What `kubectl rollout history KIND/NAME [--revision N]` prints: a Deployment's revisions from its
// ReplicaSets (kubectl's DeploymentHistoryViewer), a StatefulSet's or DaemonSet's from its
// ControllerRevisions, each with its change cause; with --revision, that revision's pod template.

import { formatRolloutHistory, type HistoryRow, rolloutHistoryRows } from '../../controllers/deployment/history.ts';
import type { KubeObject, PodTemplateSpec, ReplicaSet } from '../../core/objects.ts';
import type { ControllerRevision, Deployment } from '../../core/workloads.ts';
import { DescribeWriter } from '../../kinds/describe/describe-writer.ts';
import { describePodTemplate } from '../../kinds/describe/replicaset.ts';
import { controlledObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';
const REVISION = 'deployment.kubernetes.io/revision';

export interface Revision {
  readonly row: HistoryRow;
  readonly template: PodTemplateSpec | undefined;
}

function deploymentRevisions(state: ClusterState, deployment: Deployment): Revision[] {
  const replicaSets = controlledObjects<ReplicaSet>(state, 'ReplicaSet', deployment.metadata.uid);
  const templates = new Map(replicaSets.map((rs) => [rs.metadata.annotations?.[REVISION] ?? '0', rs.spec.template]));
  return rolloutHistoryRows(deployment, replicaSets).map((row) => ({ row, template: templates.get(String(row.revision)) }));
}

function controllerRevisions(state: ClusterState, owner: KubeObject): Revision[] {
  const byRevision = new Map<number, ControllerRevision>();
  for (const revision of controlledObjects<ControllerRevision>(state, 'ControllerRevision', owner.metadata.uid)) byRevision.set(revision.revision, revision);
  return [...byRevision.values()]
    .sort((a, b) => a.revision - b.revision)
    .map((revision) => ({
      row: { revision: revision.revision, changeCause: revision.metadata.annotations?.[CHANGE_CAUSE] ?? '<none>' },
      template: (revision.data as { spec?: { template?: PodTemplateSpec } } | undefined)?.spec?.template,
    }));
}

export function revisionsOf(state: ClusterState, object: KubeObject): Revision[] {
  return object.kind === 'Deployment' ? deploymentRevisions(state, object as Deployment) : controllerRevisions(state, object);
}

/** The header kubectl prints (with its trailing space), the table, and a blank line. */
export function historyText(resource: string, revisions: readonly Revision[]): string {
  return `${resource} \n${formatRolloutHistory(revisions.map((revision) => revision.row))}\n`;
}

/** `--revision N`: "deployment.apps/web with revision #2" and the pod template of that revision. */
export function revisionText(resource: string, revision: Revision): string {
  const w = new DescribeWriter();
  if (revision.template !== undefined) describePodTemplate(w, revision.template);
  return `${resource} with revision #${revision.row.revision}\n${w.toString()}\n`;
}
