// What a pod needs from ConfigMaps and Secrets before its containers can run, checked as the
// kubelet does. Volumes first (the volume manager's MountVolume.SetUp of configMap, secret and
// projected sources: the object, and each key an `items` list names), then each container's
// environment (makeEnvironmentVariables: envFrom, then env's configMapKeyRef and secretKeyRef).
// `optional: true` lets a missing object or key pass. The messages are upstream's.

import type { Container, Pod } from '../../core/objects.ts';

/** Looks up a ConfigMap or Secret of the pod's namespace; the data keys it has, or undefined. */
export type ConfigSource = (kind: 'ConfigMap' | 'Secret', name: string) => ReadonlySet<string> | undefined;

type Json = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const records = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const NOUN = { ConfigMap: 'configmap', Secret: 'secret' } as const;

/** A volume that cannot be set up: its name and the error MountVolume.SetUp reports. */
export interface MountFailure {
  readonly volume: string;
  readonly error: string;
}

function sourceError(kind: 'ConfigMap' | 'Secret', source: Json, lookup: ConfigSource): string | undefined {
  const name = text(kind === 'Secret' && source.secretName !== undefined ? source.secretName : source.name);
  const optional = source.optional === true;
  const keys = lookup(kind, name);
  if (keys === undefined) return optional ? undefined : `${NOUN[kind]} "${name}" not found`;
  for (const item of records(source.items)) {
    const key = text(item.key);
    if (!keys.has(key) && !optional) return kind === 'ConfigMap' ? `configmap references non-existent config key: ${key}` : `references non-existent secret key: ${key}`;
  }
  return undefined;
}

function volumeError(volume: Json, lookup: ConfigSource): string | undefined {
  if (isRecord(volume.configMap)) return sourceError('ConfigMap', volume.configMap, lookup);
  if (isRecord(volume.secret)) return sourceError('Secret', volume.secret, lookup);
  if (isRecord(volume.projected)) {
    for (const projection of records(volume.projected.sources)) {
      const error = isRecord(projection.configMap)
        ? sourceError('ConfigMap', projection.configMap, lookup)
        : isRecord(projection.secret)
          ? sourceError('Secret', projection.secret, lookup)
          : undefined;
      if (error !== undefined) return error;
    }
  }
  return undefined;
}

/** The first volume of the pod that cannot be mounted yet. */
export function mountFailure(pod: Pod, lookup: ConfigSource): MountFailure | undefined {
  for (const volume of records((pod.spec as Json).volumes)) {
    const error = volumeError(volume, lookup);
    if (error !== undefined) return { volume: text(volume.name), error };
  }
  return undefined;
}

function keyRefError(kind: 'ConfigMap' | 'Secret', ref: Json, namespace: string, lookup: ConfigSource): string | undefined {
  if (ref.optional === true) return undefined;
  const name = text(ref.name);
  const keys = lookup(kind, name);
  if (keys === undefined) return `${NOUN[kind]} "${name}" not found`;
  const key = text(ref.key);
  return keys.has(key) ? undefined : `couldn't find key ${key} in ${kind} ${namespace}/${name}`;
}

/** Why the container's environment cannot be made yet (CreateContainerConfigError's message). */
export function environmentError(container: Container, namespace: string, lookup: ConfigSource): string | undefined {
  const fields = container as unknown as Json;
  for (const source of records(fields.envFrom)) {
    for (const kind of ['ConfigMap', 'Secret'] as const) {
      const ref = source[kind === 'ConfigMap' ? 'configMapRef' : 'secretRef'];
      if (!isRecord(ref) || ref.optional === true) continue;
      const name = text(ref.name);
      if (lookup(kind, name) === undefined) return `${NOUN[kind]} "${name}" not found`;
    }
  }
  for (const variable of records(fields.env)) {
    const from = variable.valueFrom;
    if (!isRecord(from)) continue;
    const error = isRecord(from.configMapKeyRef)
      ? keyRefError('ConfigMap', from.configMapKeyRef, namespace, lookup)
      : isRecord(from.secretKeyRef)
        ? keyRefError('Secret', from.secretKeyRef, namespace, lookup)
        : undefined;
    if (error !== undefined) return error;
  }
  return undefined;
}
