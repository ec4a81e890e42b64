// Validating admission of a create, after the object's own validation as in kube-apiserver: the
// kind's own plugin (the LimitRanger's checks of pods and claims), then the ResourceQuota plugin.
// A quota the object is charged to has its status written in the same request, before the
// object, as upstream's quota evaluator updates status.used before the create is stored.

import type { EventBody } from '../core/events.ts';
import type { KubeObject } from '../core/objects.ts';
import { OBJECT_STATUS_LIST_KEYS, statusChange } from '../core/status-patch.ts';
import type { KindDefinition } from '../kinds/definition.ts';
import { checkQuotas, type QuotaCharge } from '../kinds/quota/quota-admission.ts';
import { isRecord } from '../kinds/validation/workload.ts';
import type { ClusterState } from '../reducers/state.ts';

function chargedEvent(charge: QuotaCharge): EventBody {
  const { quota, status } = charge;
  const current: unknown = quota.status;
  const change = isRecord(current) ? statusChange(current, status, OBJECT_STATUS_LIST_KEYS) : { status };
  return { type: 'object/statusUpdated', kind: 'ResourceQuota', namespace: quota.metadata.namespace ?? 'default', name: quota.metadata.name, ...change };
}

export type Validated = { readonly object: KubeObject; readonly before: readonly EventBody[] } | { readonly forbidden: string };

export function validateAdmission(definition: KindDefinition, object: KubeObject, state: ClusterState): Validated {
  const own = definition.validateAdmission?.(object, state) ?? { object };
  if ('forbidden' in own) return own;
  const verdict = checkQuotas(own.object, definition.plural, definition.group, state);
  if ('forbidden' in verdict) return verdict;
  return { object: own.object, before: verdict.charges.map(chargedEvent) };
}
