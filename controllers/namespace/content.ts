// What is left in a namespace being deleted, read through the objects-by-namespace index (never a
// pass over every object): per kind, the objects still stored, which of them nobody has asked to
// delete yet, and the finalizers holding the rest. Upstream's deleter discovers every namespaced
// resource the API server serves; here that is every namespaced kind of the registry. Events are
// left out: ksim keeps them out of the generic indexes (a large run records hundreds of
// thousands), so a deleted namespace's Events stay in the log's state.

import type { KubeObject, Pod } from '../../core/objects.ts';
import { allKinds, type KindDefinition, qualifiedResourceOf } from '../../kinds/registry.ts';
import { listObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

export interface KindContent {
  readonly kind: string;
  /** "pods.", "replicasets.apps": upstream's `resource.group` spelling in its messages. */
  readonly resourceDotGroup: string;
  /** "/v1, Resource=pods": the GroupVersionResource as Go prints it in upstream's errors. */
  readonly groupVersionResource: string;
  readonly objects: readonly KubeObject[];
}

function deletableKinds(): readonly KindDefinition[] {
  return allKinds().filter((definition) => definition.namespaced && definition.kind !== 'Event');
}

let cachedKinds: readonly KindDefinition[] | undefined;

/** Every namespaced kind that has objects in the namespace, in the registry's order. */
export function namespaceContent(state: ClusterState, namespace: string): KindContent[] {
  cachedKinds ??= deletableKinds();
  const content: KindContent[] = [];
  for (const definition of cachedKinds) {
    const objects = listObjects(state, definition.kind, namespace);
    if (objects.length === 0) continue;
    const resource = qualifiedResourceOf(definition);
    content.push({
      kind: definition.kind,
      resourceDotGroup: definition.group === '' ? `${resource}.` : resource,
      groupVersionResource: `${definition.group}/${definition.version}, Resource=${definition.plural}`,
      objects,
    });
  }
  return content;
}

/** The kinds with an object nobody has asked to delete yet: a deletecollection is due for each. */
export function kindsToDelete(content: readonly KindContent[]): string[] {
  return content.filter(({ objects }) => objects.some((object) => object.metadata.deletionTimestamp === undefined)).map(({ kind }) => kind);
}

/** finalizersToNumRemaining: how many remaining objects each finalizer holds. */
export function finalizerCounts(content: readonly KindContent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { objects } of content) {
    for (const object of objects) {
      for (const finalizer of object.metadata.finalizers ?? []) counts.set(finalizer, (counts.get(finalizer) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * estimateGracefulTerminationForPods: the longest grace period of the pods that have not
 * finished, in seconds, or 0 once that long has passed since the namespace was deleted.
 */
export function podGraceEstimateSeconds(content: readonly KindContent[], deletedAtMs: number, nowMs: number): number {
  const pods = content.find(({ kind }) => kind === 'Pod')?.objects ?? [];
  let estimate = 0;
  for (const object of pods) {
    const pod = object as Pod;
    if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    estimate = Math.max(estimate, pod.spec.terminationGracePeriodSeconds ?? 0);
  }
  return nowMs - deletedAtMs >= estimate * 1000 ? 0 : estimate;
}
