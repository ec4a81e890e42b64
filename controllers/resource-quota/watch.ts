// Which quotas the resource quota controller looks at for a change (upstream's replenishment
// handlers and the quota informer): a quota created or changed; and the quotas of a namespace
// when something they count there is created or deleted, a pod reaches a terminal phase, or a
// Service or claim changes. Only quotas that limit something of the changed kind are queued.

import type { Change } from '../../core/controller.ts';
import { keyOf, objectKey, type Pod } from '../../core/objects.ts';
import { kindDefinition } from '../../kinds/registry.ts';
import type { ResourceQuota } from '../../kinds/quota/resource-quota.ts';
import { isTerminalPod, matchingResources } from '../../kinds/quota/usage.ts';
import { kindTable } from '../../reducers/lookup.ts';
import { kindGroup } from '../../reducers/object-indexes.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { countedKind } from '../../kinds/quota/counted-kind.ts';

function countsKind(quota: ResourceQuota, kind: string): boolean {
  const names = Object.keys(quota.spec?.hard ?? {});
  if (kind === 'Pod') return matchingResources(names, 'Pod', 'pods', '').length > 0;
  const definition = kindDefinition(kind);
  return definition !== undefined && names.some((name) => countedKind(name) === kind);
}

/** The keys of the namespace's quotas that count objects of this kind. */
function quotasCounting(state: ClusterState, kind: string, namespace: string | undefined): string[] {
  // Most namespaces have no quota: a group count answers that without building a list.
  if (namespace === undefined || state.indexes.byNamespace.count(kindGroup('ResourceQuota', namespace)) === 0) return [];
  const keys = state.indexes.byNamespace.members(kindGroup('ResourceQuota', namespace));
  const quotas = kindTable<ResourceQuota>(state, 'ResourceQuota');
  return keys.filter((key) => {
    const quota = quotas.get(key);
    return quota !== undefined && countsKind(quota, kind);
  });
}

function terminalChanged(change: Change<ClusterState>, key: string): boolean {
  const before = change.before.pods.get(key);
  const after = change.after.pods.get(key);
  return before !== undefined && after !== undefined && isTerminalPod(before as Pod) !== isTerminalPod(after as Pod);
}

export function quotaKeysFor(change: Change<ClusterState>): string[] {
  const { event, after } = change;
  switch (event.type) {
    case 'pod/created':
      return quotasCounting(after, 'Pod', event.object.metadata.namespace);
    case 'pod/deleted':
      return quotasCounting(change.before, 'Pod', event.namespace);
    case 'pod/statusUpdated':
      return terminalChanged(change, objectKey(event.namespace, event.name)) ? quotasCounting(after, 'Pod', event.namespace) : [];
    case 'object/created':
    case 'object/updated': {
      const { object } = event;
      if (object.kind === 'ResourceQuota') return [keyOf(object)];
      if (event.type === 'object/updated' && object.kind !== 'Service' && object.kind !== 'PersistentVolumeClaim') return [];
      return quotasCounting(after, object.kind, object.metadata.namespace);
    }
    case 'object/deleted':
      return event.kind === 'ResourceQuota' ? [] : quotasCounting(change.before, event.kind, event.namespace);
    default:
      return [];
  }
}
