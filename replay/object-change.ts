// What a whole-object update changed, in a few words for the story ("replicas 3 -> 5, image
// nginx:1.26 -> nginx:1.27"), and the warnings a user's write earns: a kind nothing simulates, or
// fields the simulation ignores. Warnings are told for requests of people (the user and the
// scenario), not for the objects controllers create from a template already warned about.

import { sameJson } from '../core/canonical-json.ts';
import type { KsimEvent } from '../core/events.ts';
import type { Container, KubeObject } from '../core/objects.ts';
import { kindDefinition } from '../kinds/registry.ts';

type Json = Record<string, unknown>;

const HUMAN_ACTORS = new Set(['user', 'scenario']);

function at(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const part of path) current = typeof current === 'object' && current !== null ? (current as Json)[part] : undefined;
  return current;
}

/** The pod spec a kind's template holds, wherever the kind keeps it. */
function templateSpec(object: KubeObject): Json | undefined {
  const spec = at(object, ['spec', 'template', 'spec']) ?? at(object, ['spec', 'jobTemplate', 'spec', 'template', 'spec']);
  return typeof spec === 'object' && spec !== null ? (spec as Json) : undefined;
}

function images(object: KubeObject): string {
  const containers = (templateSpec(object)?.containers ?? []) as readonly Container[];
  return containers.map((container) => container.image).join(',');
}

function finalizerChanges(before: KubeObject, after: KubeObject): string[] {
  const was = before.metadata.finalizers ?? [];
  const is = after.metadata.finalizers ?? [];
  return [
    ...was.filter((finalizer) => !is.includes(finalizer)).map((finalizer) => `finalizer ${finalizer} removed`),
    ...is.filter((finalizer) => !was.includes(finalizer)).map((finalizer) => `finalizer ${finalizer} added`),
  ];
}

/**
 * A namespace's own lifecycle in an update: the phase its delete sets (Active -> Terminating) and
 * the `kubernetes` finalizer of its spec, which the namespace controller takes away.
 */
function namespaceChanges(before: KubeObject, after: KubeObject): string[] {
  if (after.kind !== 'Namespace') return [];
  const changes: string[] = [];
  const phaseBefore = at(before, ['status', 'phase']);
  const phaseAfter = at(after, ['status', 'phase']);
  if (phaseBefore !== phaseAfter && typeof phaseAfter === 'string') changes.push(`phase ${String(phaseBefore)} -> ${phaseAfter}`);
  const list = (object: KubeObject): readonly string[] => {
    const finalizers = at(object, ['spec', 'finalizers']);
    return Array.isArray(finalizers) ? (finalizers as string[]) : [];
  };
  const is = list(after);
  changes.push(...list(before).filter((finalizer) => !is.includes(finalizer)).map((finalizer) => `spec finalizer ${finalizer} removed`));
  return changes;
}

const REVISION = 'deployment.kubernetes.io/revision';

/** A Deployment's revision moving on, or labels and annotations changing, in a word or two. */
function metadataChanges(before: KubeObject, after: KubeObject): string[] {
  const changes: string[] = [];
  const was = before.metadata.annotations?.[REVISION];
  const is = after.metadata.annotations?.[REVISION];
  if (was !== is && is !== undefined) changes.push(was === undefined ? `revision ${is}` : `revision ${was} -> ${is}`);
  const { [REVISION]: _a, ...otherBefore } = before.metadata.annotations ?? {};
  const { [REVISION]: _b, ...otherAfter } = after.metadata.annotations ?? {};
  if (!sameJson(otherBefore, otherAfter)) changes.push('annotations changed');
  if (!sameJson(before.metadata.labels ?? {}, after.metadata.labels ?? {})) changes.push('labels changed');
  return changes;
}

export function describeObjectUpdate(before: KubeObject, after: KubeObject): string {
  const changes: string[] = [];
  const replicasBefore = at(before, ['spec', 'replicas']);
  const replicasAfter = at(after, ['spec', 'replicas']);
  if (replicasBefore !== replicasAfter && typeof replicasAfter === 'number') changes.push(`replicas ${String(replicasBefore)} -> ${replicasAfter}`);
  if (images(before) !== images(after)) changes.push(`image ${images(before)} -> ${images(after)}`);
  const paused = at(after, ['spec', 'paused']) === true;
  if ((at(before, ['spec', 'paused']) === true) !== paused) changes.push(paused ? 'paused' : 'resumed');
  const restartedAt = ['spec', 'template', 'metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt'];
  if (at(before, restartedAt) !== at(after, restartedAt)) changes.push('restarted');
  if (changes.length === 0 && (before.metadata.generation ?? 0) !== (after.metadata.generation ?? 0)) changes.push('spec changed');
  changes.push(...metadataChanges(before, after));
  changes.push(...finalizerChanges(before, after));
  changes.push(...namespaceChanges(before, after));
  if (!sameJson(before.metadata.ownerReferences, after.metadata.ownerReferences)) changes.push('owner references changed');
  return changes.join(', ');
}

/** "(stored only: ...)" and "warning: ..." for a person's write of an object; '' otherwise. */
export function warningsOnWrite(event: Extract<KsimEvent, { object: KubeObject }>): string {
  if (!HUMAN_ACTORS.has(event.actor)) return '';
  const definition = kindDefinition(event.object.kind);
  if (definition === undefined) return '';
  const notes: string[] = [];
  if (definition.notSimulated !== undefined) notes.push(`stored only: ${definition.notSimulated}`);
  for (const warning of definition.warnings?.(event.object) ?? []) notes.push(`warning: ${warning}`);
  return notes.join('; ');
}
