// The kubelet: one controller runs every node's kubelet. For each pod bound to a node it admits
// the pod, pulls images, runs init containers, sidecars and app containers, probes them, restarts
// and stops them as the image catalog describes them, reporting the pod's status and the Events
// upstream's kubelet records; for each node it posts the node's status. Every request carries the
// actor `kubelet/<node>`.

import { keysOf } from '../../core/keys-of.ts';
import type { Controller, Effect, ReconcileContext } from '../../core/controller.ts';
import { wakeInBackground } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { ImageCatalog } from './image-behaviour.ts';
import { nodeKey, parseKey } from './keys.ts';
import { KubeletMemory } from './memory.ts';
import { nextHeartbeatMs, reconcileNode } from './node-status.ts';
import { reconcilePod } from './pod-lifecycle.ts';
import { kubeletKeysFor } from './watch.ts';

export type { ImageBehaviour, ImageCatalog, ImageSpec } from './image-behaviour.ts';
export { BUILT_IN_BEHAVIOUR, imageCatalog } from './image-behaviour.ts';
export { kubeletActor, nodeKey, podKey } from './keys.ts';

export const KUBELET = 'kubelet';

function reconcileKey(key: string, { state, nowMs }: ReconcileContext<ClusterState>, images: ImageCatalog, memory: KubeletMemory): readonly Effect[] {
  const target = parseKey(key);
  if (target === undefined) return [];
  if (target.kind === 'node') {
    const node = state.nodes.get(target.name);
    if (node === undefined) {
      memory.forgetNode(target.name);
      return [];
    }
    return reconcileNode(node, memory.node(target.name), nowMs);
  }
  const pod = state.pods.get(target.name);
  const nodeName = pod?.spec.nodeName;
  // A pod whose node is gone has no kubelet left to run it.
  const node = nodeName === undefined || nodeName === '' ? undefined : state.nodes.get(nodeName);
  if (pod === undefined) memory.forgetPod(target.name);
  return pod === undefined || node === undefined ? [] : reconcilePod(state, pod, node, images, memory, nowMs);
}

export function kubelet(images: ImageCatalog): Controller<ClusterState> {
  // One run, one kubelet controller: its memory lives as long as the run (see memory.ts).
  const memory = new KubeletMemory();
  return {
    name: KUBELET,
    watch: (changes) => changes.pipe(keysOf(kubeletKeysFor)),
    reconcile: (key, context) => reconcileKey(key, context, images, memory),
    // Nodes already in the starting state get their heartbeats too.
    start: ({ state, nowMs }) =>
      state.nodes.sortedKeys().map((name) => wakeInBackground(nextHeartbeatMs(name, nowMs), nodeKey(name))),
  };
}
