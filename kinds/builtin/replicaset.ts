// ReplicaSets (apps/v1): replicas default to 1, the selector must match the template and may not
// change, status and scale are subresources. The ReplicaSet controller acts on them.

import { sameJson } from '../../core/canonical-json.ts';
import type { ReplicaSet, ReplicaSetStatus } from '../../core/objects.ts';
import type { KindDefinition } from '../definition.ts';
import { describeReplicaSet } from '../describe/replicaset.ts';
import { replicaSetHeaders, replicaSetRow } from '../printers/replicasets.ts';
import { REPLICA_SET_FIELDS } from '../schema/apps.ts';
import { invalid } from '../validation/field-errors.ts';
import { defaultPodSpec } from '../validation/pod-defaults.ts';
import { podSpecWarnings } from '../validation/pod-warnings.ts';
import { validateReplicatedSpec } from '../validation/workload.ts';

function defaulted(rs: ReplicaSet): ReplicaSet {
  const spec = rs.spec;
  return { ...rs, spec: { ...spec, replicas: spec.replicas ?? 1, template: { ...spec.template, spec: defaultPodSpec(spec.template.spec) } } };
}

/** "3 current, 3 ready, 2 available": what a status report says in the story. */
export function tellReplicaStatus(status: unknown): string {
  const { replicas, readyReplicas, availableReplicas } = (status ?? {}) as Partial<ReplicaSetStatus>;
  return `${replicas ?? 0} current, ${readyReplicas ?? 0} ready, ${availableReplicas ?? 0} available`;
}

export const REPLICA_SET: KindDefinition<ReplicaSet> = {
  kind: 'ReplicaSet',
  group: 'apps',
  version: 'v1',
  plural: 'replicasets',
  shortNames: ['rs'],
  namespaced: true,
  categories: ['all'],
  fields: REPLICA_SET_FIELDS,
  generation: true,
  statusSubresource: true,
  scale: true,
  defaultPropagation: 'Background',
  prepareForCreate(rs) {
    const errors = validateReplicatedSpec(rs.spec);
    return errors.length > 0 ? { errors } : { object: { ...defaulted(rs), status: { replicas: 0 } } };
  },
  prepareForUpdate(next, current) {
    const errors = validateReplicatedSpec(next.spec);
    if (errors.length > 0) return { errors };
    const object = defaulted(next);
    if (!sameJson(object.spec.selector, current.spec.selector)) return { errors: [invalid('spec.selector', object.spec.selector, 'field is immutable')] };
    return { object };
  },
  printer: { headers: replicaSetHeaders, row: (rs, wide, { nowMs }) => replicaSetRow(rs, nowMs, wide) },
  describe: (w, rs, { state }) => describeReplicaSet(w, rs, state),
  tellStatus: tellReplicaStatus,
  warnings: (rs) => podSpecWarnings('spec.template.spec', rs.spec.template?.spec),
};
