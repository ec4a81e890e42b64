// The resource quota controller (kube-controller-manager's resourcequota controller): keeps each
// quota's status.hard equal to spec.hard and status.used equal to what it counts in its
// namespace. Admission raises status.used as objects are created; this controller brings it back
// down when pods end or objects go, and counts what was there before the quota. Keys are
// "namespace/name" of ResourceQuotas. Upstream also resyncs every five minutes; here every change
// that can move a count is routed to the quotas that count it, so nothing is left to a resync.

import { sameJson } from '../../core/canonical-json.ts';
import { type Controller, type Effect, type ReconcileContext, submit } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import type { ResourceQuota } from '../../kinds/quota/resource-quota.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { calculateQuotaStatus } from './calculate-usage.ts';
import { quotaKeysFor } from './watch.ts';

export const RESOURCE_QUOTA_CONTROLLER = 'controller/resourcequota';

/** syncResourceQuota: write the status when the count differs from it. */
export function syncResourceQuota(key: string, { state }: ReconcileContext<ClusterState>): Effect[] {
  const quota = kindTable<ResourceQuota>(state, 'ResourceQuota').get(key);
  if (quota === undefined || quota.metadata.deletionTimestamp !== undefined) return [];
  const status = calculateQuotaStatus(quota, state);
  if (sameJson(status, quota.status)) return [];
  return [
    submit({
      type: 'updateStatus',
      actor: RESOURCE_QUOTA_CONTROLLER,
      kind: 'ResourceQuota',
      namespace: quota.metadata.namespace ?? 'default',
      name: quota.metadata.name,
      status,
    }),
  ];
}

export function resourceQuotaController(): Controller<ClusterState> {
  return {
    name: RESOURCE_QUOTA_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf((change) => quotaKeysFor(change))),
    reconcile: (key, context) => syncResourceQuota(key, context),
  };
}
