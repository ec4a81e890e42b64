// `kubectl set image KIND/NAME CONTAINER=IMAGE`: the container's image in the pod template (or the
// pod itself) replaced, as kubectl's set image does on the client before its patch. "*" names
// every container. An unknown container is kubectl's error, recorded as a refusal.

import type { Command } from '../../core/commands.ts';
import type { EventBody } from '../../core/events.ts';
import type { Container, KubeObject, PodSpec } from '../../core/objects.ts';
import { isRecord, type Json } from '../../kinds/validation/workload.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { badRequest } from '../rejection.ts';
import { finishUpdate, targetOf } from '../update.ts';
import { withFields } from '../../core/with-fields.ts';
import type { ApiContext } from '../api-context.ts';

type SetImage = Extract<Command, { type: 'setImage' }>;

/** Where each kind keeps the pod spec kubectl edits (polymorphichelpers.updatePodSpecForObject). */
function podSpecPath(kind: string): readonly string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    case 'Deployment':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
      return ['spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

function withImage(containers: readonly Container[] | undefined, name: string, image: string): { containers?: Container[]; changed: boolean } {
  if (containers === undefined) return { changed: false };
  let changed = false;
  const next = containers.map((container) => {
    if (name !== '*' && container.name !== name) return container;
    changed = true;
    return { ...container, image };
  });
  return { containers: next, changed };
}

/** The object with the pod spec at `path` changed by `edit`. */
function editAt(object: Json, path: readonly string[], edit: (spec: PodSpec) => PodSpec): Json {
  const [head, ...rest] = path;
  if (head === undefined) return edit(object as unknown as PodSpec) as unknown as Json;
  const child = object[head];
  return withFields(object, { [head]: editAt(isRecord(child) ? child : {}, rest, edit) });
}

function specAt(object: Json, path: readonly string[]): PodSpec | undefined {
  let current: unknown = object;
  for (const part of path) current = isRecord(current) ? current[part] : undefined;
  return isRecord(current) ? (current as unknown as PodSpec) : undefined;
}

export function admitSetImage(command: SetImage, state: ClusterState, context: ApiContext): EventBody[] {
  const found = targetOf(state, command, 'patch');
  if ('refused' in found) return [found.refused];
  const { definition, current } = found;
  const request = { verb: 'patch', kind: command.kind, ...(current.metadata.namespace === undefined ? {} : { namespace: current.metadata.namespace }), name: command.name };
  const path = podSpecPath(command.kind);
  const spec = path === undefined ? undefined : specAt(current as Json, path);
  if (path === undefined || spec === undefined) return [badRequest(request, `${command.kind} "${command.name}" has no pod template whose image could be set`)];
  const main = withImage(spec.containers, command.container, command.image);
  const init = withImage(spec.initContainers, command.container, command.image);
  if (!main.changed && !init.changed) return [badRequest(request, `unable to find container named "${command.container}"`)];
  const next = editAt(current as Json, path, (podSpec) => (withFields(podSpec, main.containers === undefined ? {} : { containers: main.containers }, init.containers === undefined ? {} : { initContainers: init.containers })));
  return finishUpdate(definition, current, next as KubeObject, request, state, context);
}
