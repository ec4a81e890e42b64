// `kubectl rollout undo` for DaemonSets and StatefulSets: their history is kept in
// ControllerRevisions (apps/v1), each holding the pod template of one revision. kubectl picks the
// revision asked for (0: the one before the newest) and writes its template back.

import { sameJson } from '../../core/canonical-json.ts';
import type { KubeObject, PodTemplateSpec } from '../../core/objects.ts';
import { controlledObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { badRequest, type RequestInfo } from '../rejection.ts';
import type { RolloutOutcome } from './rollout.ts';
import { withFields } from '../../core/with-fields.ts';

interface ControllerRevision extends KubeObject {
  readonly revision: number;
  readonly data?: { readonly spec?: { readonly template?: PodTemplateSpec } };
}

export function controllerRevisionUndo(owner: KubeObject, toRevision: number, request: RequestInfo, state: ClusterState): RolloutOutcome {
  if (toRevision < 0) return { refused: badRequest(request, `unable to find specified revision ${toRevision} in history`) };
  const history = controlledObjects<ControllerRevision>(state, 'ControllerRevision', owner.metadata.uid).sort((a, b) => b.revision - a.revision);
  const chosen = toRevision === 0 ? history[1] : history.find((revision) => revision.revision === toRevision);
  if (chosen === undefined) {
    return { refused: badRequest(request, toRevision === 0 ? `no rollout history found for ${owner.kind.toLowerCase()} "${owner.metadata.name}"` : `unable to find specified revision ${toRevision} in history`) };
  }
  const template = chosen.data?.spec?.template;
  if (template === undefined) return { refused: badRequest(request, `revision ${chosen.revision} holds no pod template`) };
  const spec = owner.spec as { template?: PodTemplateSpec };
  if (sameJson(template, spec.template)) return { skipped: `skipped rollback (current template already matches revision ${chosen.revision})` };
  return { object: withFields(owner, { spec: withFields(owner.spec as object, { template }) }) };
}
