// What `kubectl rollout status deployment/web` prints on each change of the Deployment, and when
// it stops: kubectl's DeploymentStatusViewer.Status
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go, v0.34). kubectl writes
// each message followed by a newline; errors are printed as "error: <message>".

import type { Deployment } from '../../core/workloads.ts';
import { DEPLOYMENT_PROGRESSING, TIMED_OUT_REASON, getDeploymentCondition } from './conditions.ts';
import { REVISION_ANNOTATION, parseRevision } from './revisions.ts';

export type RolloutStatusView =
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'status'; readonly message: string; readonly done: boolean };

function waiting(message: string): RolloutStatusView {
  return { kind: 'status', message, done: false };
}

/** With --revision (above 0) the Deployment must be at that revision. */
function revisionMismatch(d: Deployment, revision: number): RolloutStatusView | undefined {
  if (revision <= 0) return undefined;
  const text = d.metadata.annotations?.[REVISION_ANNOTATION];
  const current = text === undefined ? 0 : parseRevision(text);
  if (current === undefined) {
    const error = `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`;
    return { kind: 'error', message: `cannot get the revision of deployment ${JSON.stringify(d.metadata.name)}: ${error}` };
  }
  if (current === revision) return undefined;
  return { kind: 'error', message: `desired revision (${revision}) is different from the running revision (${current})` };
}

/**
 * Until the controller has observed the current generation nothing else is judged. Then, in
 * order: a recorded progress deadline is an error; new replicas still to be created; old
 * replicas still to go; updated replicas not yet available; else done.
 */
export function rolloutStatusView(d: Deployment, revision = 0): RolloutStatusView {
  const mismatch = revisionMismatch(d, revision);
  if (mismatch !== undefined) return mismatch;
  const name = JSON.stringify(d.metadata.name);
  const status = d.status;
  if ((d.metadata.generation ?? 0) > (status?.observedGeneration ?? 0)) {
    return waiting('Waiting for deployment spec update to be observed...');
  }
  if (getDeploymentCondition(status, DEPLOYMENT_PROGRESSING)?.reason === TIMED_OUT_REASON) {
    return { kind: 'error', message: `deployment ${name} exceeded its progress deadline` };
  }
  const replicas = status?.replicas ?? 0;
  const updated = status?.updatedReplicas ?? 0;
  const available = status?.availableReplicas ?? 0;
  const prefix = `Waiting for deployment ${name} rollout to finish:`;
  if (updated < d.spec.replicas) {
    return waiting(`${prefix} ${updated} out of ${d.spec.replicas} new replicas have been updated...`);
  }
  if (replicas > updated) return waiting(`${prefix} ${replicas - updated} old replicas are pending termination...`);
  if (available < updated) return waiting(`${prefix} ${available} of ${updated} updated replicas are available...`);
  return { kind: 'status', message: `deployment ${name} successfully rolled out`, done: true };
}
