// One ReplicaSet write of a Deployment sync: the new size with the replicas annotations
// refreshed, and the ScalingReplicaSet event upstream records on the Deployment when the size
// changed. As upstream's scaleReplicaSet and scaleReplicaSetAndRecordEvent
// (pkg/controller/deployment/sync.go).

import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { maxSurge } from './fenceposts.ts';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './revisions.ts';
import { withFields } from '../../core/with-fields.ts';

export const SCALING_REPLICA_SET_REASON = 'ScalingReplicaSet';

export interface ScaleEvent {
  readonly type: 'Normal';
  readonly reason: typeof SCALING_REPLICA_SET_REASON;
  readonly message: string;
}

/** A ReplicaSet update the controller issues, in the order upstream issues them. */
export interface ScaleAction {
  readonly name: string;
  readonly fromReplicas: number;
  readonly toReplicas: number;
  /** The ReplicaSet as written: spec.replicas and the desired/max replicas annotations. */
  readonly replicaSet: ReplicaSet;
  /** Recorded on the Deployment once the update succeeds, only when the size changed. */
  readonly event: ScaleEvent | undefined;
}

/** "Scaled up replica set web-5d4f8b7c9 from 1 to 3" (or down). */
export function scalingMessage(name: string, fromReplicas: number, toReplicas: number): string {
  const direction = fromReplicas < toReplicas ? 'up' : 'down';
  return `Scaled ${direction} replica set ${name} from ${fromReplicas} to ${toReplicas}`;
}

export function scalingEvent(name: string, fromReplicas: number, toReplicas: number): ScaleEvent {
  return { type: 'Normal', reason: SCALING_REPLICA_SET_REASON, message: scalingMessage(name, fromReplicas, toReplicas) };
}

/**
 * scaleReplicaSet: writes when the size or the replicas annotations (desired = spec.replicas,
 * max = spec.replicas + maxSurge) are out of date; undefined when neither is.
 */
export function scaleReplicaSet(rs: ReplicaSet, newScale: number, d: Deployment): ScaleAction | undefined {
  const desired = d.spec.replicas;
  const max = desired + maxSurge(d);
  const sizeNeedsUpdate = rs.spec.replicas !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return undefined;
  const { annotations } = setReplicasAnnotations(rs.metadata.annotations, desired, max);
  const replicaSet: ReplicaSet = {
    ...rs,
    metadata: withFields(rs.metadata, { annotations }),
    spec: { ...rs.spec, replicas: newScale },
  };
  const name = rs.metadata.name;
  return {
    name,
    fromReplicas: rs.spec.replicas,
    toReplicas: newScale,
    replicaSet,
    event: sizeNeedsUpdate ? scalingEvent(name, rs.spec.replicas, newScale) : undefined,
  };
}

/** scaleReplicaSetAndRecordEvent: nothing at all when the size is already right. */
export function scaleReplicaSetAndRecordEvent(rs: ReplicaSet, newScale: number, d: Deployment): ScaleAction | undefined {
  return rs.spec.replicas === newScale ? undefined : scaleReplicaSet(rs, newScale, d);
}

/** The ReplicaSet as the controller sees it after its write (status untouched). */
export function afterScale(rs: ReplicaSet, action: ScaleAction | undefined): ReplicaSet {
  return action === undefined ? rs : action.replicaSet;
}
