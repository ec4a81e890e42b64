// The kubelet's view of a namespace's ConfigMaps and Secrets: one lookup by name each (the
// configmap and secret managers fetch the objects a pod names), never a list.

import type { ConfigMap, Secret } from '../../core/config-objects.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { ConfigSource } from './config-refs.ts';

export function configSource(state: ClusterState, namespace: string): ConfigSource {
  return (kind, name) => {
    const object = lookupObject<ConfigMap | Secret>(state, kind, namespace, name);
    if (object === undefined) return undefined;
    const binary = object.kind === 'ConfigMap' ? Object.keys(object.binaryData ?? {}) : [];
    return new Set([...Object.keys(object.data ?? {}), ...binary]);
  };
}
