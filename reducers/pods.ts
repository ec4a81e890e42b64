// The Pod reducer: creation, binding, scheduling failures, kubelet status, graceful deletion and
// ownership. Each case builds the new pod; reindexPod keeps the indexes in step.

import { toTimestamp } from '../core/clock.ts';
import type { EventOf, KsimEvent } from '../core/events.ts';
import { objectKey, type Pod } from '../core/objects.ts';
import { POD_STATUS_LIST_KEYS, statusAfter } from '../core/status-patch.ts';
import { reindexPod } from './pod-indexes.ts';
import { setCondition, stamp } from './stamp.ts';
import type { ClusterState } from './state.ts';
import { withFields } from '../core/with-fields.ts';

export type PodEvent = Extract<KsimEvent, { type: `pod/${string}` }>;

function bound(pod: Pod, event: EventOf<'pod/bound'>): Pod {
  const conditions = setCondition(pod.status.conditions, { type: 'PodScheduled', status: 'True', lastProbeTime: null }, event.time);
  return { ...pod, spec: withFields(pod.spec, { nodeName: event.nodeName }), status: withFields(pod.status, { conditions }) };
}

function schedulingFailed(pod: Pod, event: EventOf<'pod/schedulingFailed'>): Pod {
  const condition = { type: 'PodScheduled', status: 'False' as const, lastProbeTime: null, reason: event.reason, message: event.message };
  const conditions = setCondition(pod.status.conditions, condition, event.time);
  if (event.nominatedNodeName === undefined) return { ...pod, status: withFields(pod.status, { conditions }) };
  const { nominatedNodeName: _previous, ...status } = pod.status;
  return { ...pod, status: event.nominatedNodeName === '' ? withFields(status, { conditions }) : withFields(status, { conditions, nominatedNodeName: event.nominatedNodeName }) };
}

function deletionRequested(pod: Pod, event: EventOf<'pod/deletionRequested'>): Pod {
  const metadata = withFields(pod.metadata, {
    deletionTimestamp: toTimestamp(event.time + event.gracePeriodSeconds * 1000),
    deletionGracePeriodSeconds: event.gracePeriodSeconds,
    ...(event.finalizers === undefined ? {} : { finalizers: event.finalizers }),
  });
  return { ...pod, metadata };
}

function adopted(pod: Pod, event: EventOf<'pod/adopted'>): Pod {
  const owners = (pod.metadata.ownerReferences ?? []).filter((owner) => owner.uid !== event.owner.uid);
  return { ...pod, metadata: withFields(pod.metadata, { ownerReferences: [...owners, event.owner] }) };
}

function released(pod: Pod, event: EventOf<'pod/released'>): Pod {
  const owners = (pod.metadata.ownerReferences ?? []).filter((owner) => owner.uid !== event.ownerUid);
  const { ownerReferences: _dropped, ...metadata } = pod.metadata;
  return { ...pod, metadata: owners.length === 0 ? metadata : withFields(metadata, { ownerReferences: owners }) };
}

/** The pod after an event that names an existing pod; undefined when it removes the pod. The story reads pods through it too. */
export function podAfter(pod: Pod, event: PodEvent): Pod | undefined {
  switch (event.type) {
    case 'pod/created':
    case 'pod/updated':
      return event.object;
    case 'pod/bound':
      return bound(pod, event);
    case 'pod/schedulingFailed':
      return schedulingFailed(pod, event);
    case 'pod/statusUpdated':
      return { ...pod, status: statusAfter(pod.status, event, POD_STATUS_LIST_KEYS) };
    case 'pod/deletionRequested':
      return deletionRequested(pod, event);
    case 'pod/deleted':
      return undefined;
    case 'pod/adopted':
      return adopted(pod, event);
    case 'pod/released':
      return released(pod, event);
  }
}

function targetKey(event: PodEvent): string {
  return 'object' in event ? objectKey(event.object.metadata.namespace, event.object.metadata.name) : objectKey(event.namespace, event.name);
}

export function reducePod(state: ClusterState, event: PodEvent): ClusterState {
  const key = targetKey(event);
  const before = state.pods.get(key);
  if (before === undefined && event.type !== 'pod/created') return state;
  const next = podAfter(before ?? (event as EventOf<'pod/created'>).object, event);
  const after = next === undefined ? undefined : stamp(next, event.rev);
  const pods = after === undefined ? state.pods.delete(key) : state.pods.set(key, after);
  return { ...state, pods, indexes: reindexPod(state.indexes, before, after) };
}
