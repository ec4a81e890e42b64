// Every kind the cluster serves, found the way kubectl finds them: "pods", "pod", "po" and "Pod"
// all name Pod. A kind the registry does not hold is refused by the API server, as a cluster
// without that resource would.

import type { KubeObject } from '../core/objects.ts';
import { CONFIG_MAP, SECRET, SERVICE_ACCOUNT } from './builtin/config.ts';
import { EVENT } from './builtin/event.ts';
import { INGRESS, INGRESS_CLASS } from './builtin/ingress.ts';
import { NAMESPACE } from './builtin/namespace.ts';
import { NODE } from './builtin/node.ts';
import { POD } from './builtin/pod.ts';
import { PRIORITY_CLASS } from './builtin/priority-class.ts';
import { PERSISTENT_VOLUME } from './builtin/persistent-volume.ts';
import { STORAGE_CLASS } from './builtin/storage-class.ts';
import { REPLICA_SET } from './builtin/replicaset.ts';
import { LIMIT_RANGE } from './builtin/limit-range.ts';
import { RESOURCE_QUOTA } from './builtin/resource-quota.ts';
import { ENDPOINT_SLICE } from './builtin/endpoint-slice.ts';
import { ENDPOINTS } from './builtin/endpoints.ts';
import { SERVICE } from './builtin/service.ts';
import { STORED_KINDS } from './builtin/stored.ts';
import { WORKLOAD_KINDS } from './workloads/index.ts';
import type { KindDefinition } from './definition.ts';

export type { AdmissionContext, Admitted, KindDefinition, KindNames, PrintContext, Printer, Prepared } from './definition.ts';
export { apiVersionOf, qualifiedKindOf, qualifiedResourceOf } from './definition.ts';

const KINDS: readonly KindDefinition[] = [
  POD as unknown as KindDefinition,
  NODE as unknown as KindDefinition,
  NAMESPACE as unknown as KindDefinition,
  REPLICA_SET as unknown as KindDefinition,
  EVENT as unknown as KindDefinition,
  PRIORITY_CLASS as unknown as KindDefinition,
  RESOURCE_QUOTA as unknown as KindDefinition,
  LIMIT_RANGE as unknown as KindDefinition,
  CONFIG_MAP as unknown as KindDefinition,
  SECRET as unknown as KindDefinition,
  SERVICE_ACCOUNT as unknown as KindDefinition,
  SERVICE as unknown as KindDefinition,
  ENDPOINTS as unknown as KindDefinition,
  ENDPOINT_SLICE as unknown as KindDefinition,
  ...WORKLOAD_KINDS,
  PERSISTENT_VOLUME as unknown as KindDefinition,
  STORAGE_CLASS as unknown as KindDefinition,
  ...STORED_KINDS,
  INGRESS as unknown as KindDefinition,
  INGRESS_CLASS as unknown as KindDefinition,
];

const BY_KIND = new Map<string, KindDefinition>(KINDS.map((definition) => [definition.kind, definition]));
const BY_NAME = new Map<string, KindDefinition>();
for (const definition of KINDS) {
  for (const name of [definition.kind.toLowerCase(), definition.plural, ...definition.shortNames]) BY_NAME.set(name, definition);
  // "deployments.apps", "deploy.apps": kubectl accepts the group too.
  if (definition.group !== '') BY_NAME.set(`${definition.plural}.${definition.group}`, definition);
}

/** Looks a kind up the way kubectl does, by plural, singular, short name or kind, any case. */
export function resolveKind(name: string): KindDefinition | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The definition of a kind by its exact name ("Deployment"). */
export function kindDefinition<T extends KubeObject = KubeObject>(kind: string): KindDefinition<T> | undefined {
  return BY_KIND.get(kind) as KindDefinition<T> | undefined;
}

/** Unknown kinds count as namespaced, as most custom resources are. */
export function isNamespacedKind(kind: string): boolean {
  return BY_KIND.get(kind)?.namespaced ?? true;
}

/** Discovery lists the core group first, then apps, autoscaling and batch (the API server's group priorities). */
const GROUP_ORDER = ['', 'apps', 'autoscaling', 'batch'];

function groupRank(group: string): number {
  const rank = GROUP_ORDER.indexOf(group);
  return rank === -1 ? GROUP_ORDER.length : rank;
}

/** The kinds of a kubectl category ("all"), in the order `kubectl get all` prints them: by group, then resource name. */
export function kindsInCategory(category: string): KindDefinition[] {
  return KINDS.filter((definition) => definition.categories?.includes(category) === true).sort(
    (a, b) => groupRank(a.group) - groupRank(b.group) || (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0),
  );
}

export function allKinds(): readonly KindDefinition[] {
  return KINDS;
}
