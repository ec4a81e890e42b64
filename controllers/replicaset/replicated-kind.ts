// The two kinds this controller keeps at a replica count. Upstream runs the ReplicaSet controller
// for ReplicationControllers too (pkg/controller/replication), converting each to a ReplicaSet
// whose selector is the controller's equality-based one; here the conversion is a view.

import type { LabelSelector } from '../../core/labels.ts';
import type { KubeObject, ReplicaSet } from '../../core/objects.ts';
import type { ReplicationController } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { withFields } from '../../core/with-fields.ts';

export interface ReplicatedKind {
  readonly kind: 'ReplicaSet' | 'ReplicationController';
  /** The actor of every request, and the name of the controller's random stream. */
  readonly actor: string;
  /** The object as a ReplicaSet, or undefined when none by that key. */
  lookup(state: ClusterState, key: string): ReplicaSet | undefined;
}

/** An equality-based selector as the label selector it means: every label must match. */
export function selectorOfMap(selector: Readonly<Record<string, string>> | undefined): LabelSelector {
  return { matchLabels: selector ?? {} };
}

export function asReplicaSet(rc: ReplicationController): ReplicaSet {
  return withFields(rc as unknown as KubeObject, { spec: { ...rc.spec, selector: selectorOfMap(rc.spec.selector) }, status: rc.status }) as ReplicaSet;
}

export const REPLICA_SETS: ReplicatedKind = {
  kind: 'ReplicaSet',
  actor: 'controller/replicaset',
  lookup: (state, key) => kindTable<ReplicaSet>(state, 'ReplicaSet').get(key),
};

export const REPLICATION_CONTROLLERS: ReplicatedKind = {
  kind: 'ReplicationController',
  actor: 'controller/replicationcontroller',
  lookup: (state, key) => {
    const rc = kindTable<ReplicationController>(state, 'ReplicationController').get(key);
    return rc === undefined ? undefined : asReplicaSet(rc);
  },
};
