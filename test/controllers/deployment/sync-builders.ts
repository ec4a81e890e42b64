// Builders for the Deployment controller's sync and watch tests: states folded through the real
// reducers (so objects carry resourceVersions and the indexes are filled), ReplicaSets shaped as
// the controller itself would have created them, and the commands a sync asks for.

import { toTimestamp } from '../../../core/clock.ts';
import type { Effect } from '../../../core/controller.ts';
import type { Pod, PodTemplateSpec, ReplicaSet } from '../../../core/objects.ts';
import type { Deployment } from '../../../core/workloads.ts';
import { controllerRef } from '../../../controllers/common/controller-ref.ts';
import { maxSurge } from '../../../controllers/deployment/fenceposts.ts';
import {
  POD_TEMPLATE_HASH_LABEL,
  cloneAndAddLabel,
  cloneSelectorAndAddLabel,
  computeHash,
  newReplicaSetName,
} from '../../../controllers/deployment/pod-template-hash.ts';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
} from '../../../controllers/deployment/revisions.ts';
import { syncDeployment } from '../../../controllers/deployment/reconcile.ts';
import { lookupObject } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { contextAt } from '../../support/reduce-events.ts';
import { pod, template } from './builders.ts';

export const KEY = 'default/foo';

/** The stored Deployment (with its resourceVersion). */
export function storedDeployment(state: ClusterState, name = 'foo'): Deployment {
  return lookupObject<Deployment>(state, 'Deployment', 'default', name) as Deployment;
}

export interface OwnedOptions {
  readonly template: PodTemplateSpec;
  readonly replicas: number;
  readonly revision: number;
  readonly available?: number;
  /** Pods that exist (status.replicas); the available count by default. */
  readonly statusReplicas?: number;
  readonly createdMs?: number;
  /** The Deployment size the ReplicaSet was last sized for (desired-replicas annotation). */
  readonly desired?: number;
}

/** A ReplicaSet of `d` for `template`, named, labelled and annotated as getNewReplicaSet makes it. */
export function ownedReplicaSet(d: Deployment, options: OwnedOptions): ReplicaSet {
  const hash = computeHash(options.template, undefined);
  const labels = cloneAndAddLabel(options.template.metadata?.labels, POD_TEMPLATE_HASH_LABEL, hash) ?? {};
  const desired = options.desired ?? d.spec.replicas;
  const available = options.available ?? options.replicas;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: newReplicaSetName(d.metadata.name, hash),
      namespace: 'default',
      uid: `uid-rs-${options.revision}`,
      creationTimestamp: toTimestamp(options.createdMs ?? options.revision * 60_000),
      generation: 1,
      labels,
      annotations: {
        [REVISION_ANNOTATION]: String(options.revision),
        [DESIRED_REPLICAS_ANNOTATION]: String(desired),
        [MAX_REPLICAS_ANNOTATION]: String(desired + maxSurge(d)),
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas: options.replicas,
      selector: cloneSelectorAndAddLabel(d.spec.selector, POD_TEMPLATE_HASH_LABEL, hash),
      template: { ...options.template, metadata: { ...options.template.metadata, labels } },
    },
    status: {
      replicas: options.statusReplicas ?? available,
      ...(available === 0 ? {} : { readyReplicas: available, availableReplicas: available }),
      observedGeneration: 1,
    },
  };
}

export const V1 = template({ foo: 'bar' }, 'foo/bar:1');
export const V2 = template({ foo: 'bar' }, 'foo/bar:2');

/** A pod of a ReplicaSet, carrying its labels. */
export function podOf(name: string, rs: ReplicaSet, phase: Pod['status']['phase'] = 'Running'): Pod {
  const labels = rs.spec.template.metadata?.labels ?? {};
  const base = pod(name, phase, rs.metadata.uid, labels);
  return { ...base, metadata: { ...base.metadata, ownerReferences: [controllerRef(rs)] } };
}

export function sync(state: ClusterState, nowMs = 0, key = KEY): readonly Effect[] {
  return syncDeployment(key, contextAt(state, nowMs));
}

/** "type Kind/name" for each command, the plan at a glance. */
export function planOf(effects: readonly Effect[]): string[] {
  return effects.map((effect) => {
    if (effect.kind === 'wake') return `wake ${effect.atMs}`;
    if (effect.kind === 'fail') return `fail ${effect.reason}`;
    const command = effect.command;
    switch (command.type) {
      case 'create':
        return `create ${(command.manifest as ReplicaSet).metadata.name}`;
      case 'update':
        return `update ${command.object.kind}/${command.object.metadata.name}`;
      case 'updateStatus':
      case 'delete':
      case 'adopt':
      case 'release':
        return `${command.type} ${command.kind}/${command.name}`;
      default:
        return command.type;
    }
  });
}

export { stateWith } from '../../support/reduce-events.ts';

export { commandsOf } from '../../support/effects.ts';
