// Small builders for ReplicaSet controller tests: objects with only the fields a test cares about,
// states folded from events through the real reducers, and a counter of the commands a reconcile
// asks for, in the spirit of upstream's FakePodControl.

import { toTimestamp } from '../../../core/clock.ts';
import type { Effect } from '../../../core/controller.ts';
import type { Labels } from '../../../core/labels.ts';
import type {
  OwnerReference,
  Pod,
  PodPhase,
  ReplicaSet,
  ReplicaSetStatus,
} from '../../../core/objects.ts';
import { controllerRef } from '../../../controllers/common/controller-ref.ts';
import { apply, change, contextAt } from '../../support/reduce-events.ts';

export { apply, change, contextAt };

export const DAY_MS = 24 * 3600 * 1000;
export const HOUR_MS = 3600 * 1000;

export interface RsOptions {
  readonly name?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly replicas?: number;
  readonly minReadySeconds?: number;
  readonly selector?: Labels;
  readonly templateLabels?: Labels;
  readonly owner?: OwnerReference;
  readonly generation?: number;
  readonly status?: ReplicaSetStatus;
  readonly deletionTimestamp?: string;
}

export function replicaSet(options: RsOptions = {}): ReplicaSet {
  const name = options.name ?? 'web';
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      uid: options.uid ?? `uid-${name}`,
      creationTimestamp: toTimestamp(0),
      generation: options.generation ?? 1,
      ...(options.owner === undefined ? {} : { ownerReferences: [options.owner] }),
      ...(options.deletionTimestamp === undefined ? {} : { deletionTimestamp: options.deletionTimestamp }),
    },
    spec: {
      replicas: options.replicas ?? 3,
      ...(options.minReadySeconds === undefined ? {} : { minReadySeconds: options.minReadySeconds }),
      selector: { matchLabels: options.selector ?? { app: 'web' } },
      template: {
        metadata: { labels: options.templateLabels ?? options.selector ?? { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
    status: options.status ?? { replicas: 0 },
  };
}

/** A controller reference to a ReplicaSet, as the controller itself writes it. */
export const ownedBy = controllerRef;

export interface PodOptions {
  readonly namespace?: string;
  readonly uid?: string;
  readonly labels?: Labels;
  readonly annotations?: Labels;
  readonly owners?: readonly OwnerReference[];
  readonly nodeName?: string;
  readonly phase?: PodPhase;
  /** Ready since this virtual ms; `true` for a Ready condition without lastTransitionTime. */
  readonly readySinceMs?: number | true;
  readonly restarts?: number;
  readonly createdMs?: number;
  readonly deletionTimestamp?: string;
}

export function pod(name: string, options: PodOptions = {}): Pod {
  const ready = options.readySinceMs;
  const readyCondition =
    ready === undefined
      ? []
      : [
          {
            type: 'Ready',
            status: 'True' as const,
            ...(ready === true ? {} : { lastTransitionTime: toTimestamp(ready) }),
          },
        ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      uid: options.uid ?? `uid-${name}`,
      creationTimestamp: toTimestamp(options.createdMs ?? 0),
      labels: options.labels ?? { app: 'web' },
      ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
      ...(options.owners === undefined ? {} : { ownerReferences: options.owners }),
      ...(options.deletionTimestamp === undefined ? {} : { deletionTimestamp: options.deletionTimestamp }),
    },
    spec: {
      containers: [{ name: 'app', image: 'nginx' }],
      ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    },
    status: {
      phase: options.phase ?? 'Running',
      conditions: readyCondition,
      containerStatuses: [
        {
          name: 'app',
          image: 'nginx',
          ready: ready !== undefined,
          restartCount: options.restarts ?? 0,
          state: {},
        },
      ],
    },
  };
}

/** What a reconcile asked for, sorted by kind, as upstream's FakePodControl records it. */
export interface Recorded {
  readonly creates: Record<string, unknown>[];
  readonly deletes: string[];
  readonly deleteUids: (string | undefined)[];
  readonly adopts: string[];
  readonly releases: string[];
  readonly statuses: ReplicaSetStatus[];
  readonly wakes: { atMs: number; key: string }[];
}

export function record(effects: readonly Effect[]): Recorded {
  const recorded: Recorded = {
    creates: [],
    deletes: [],
    deleteUids: [],
    adopts: [],
    releases: [],
    statuses: [],
    wakes: [],
  };
  for (const effect of effects) {
    if (effect.kind === 'wake') {
      recorded.wakes.push({ atMs: effect.atMs, key: effect.key });
      continue;
    }
    if (effect.kind === 'fail') throw new Error(`unexpected failed sync: ${effect.reason}`);
    const command = effect.command;
    if (command.type === 'create') recorded.creates.push(command.manifest as Record<string, unknown>);
    else if (command.type === 'delete') {
      recorded.deletes.push(command.name);
      recorded.deleteUids.push(command.uid);
    } else if (command.type === 'adopt') recorded.adopts.push(command.name);
    else if (command.type === 'release') recorded.releases.push(command.name);
    else if (command.type === 'updateStatus') recorded.statuses.push(command.status as ReplicaSetStatus);
    else throw new Error(`unexpected command ${command.type}`);
  }
  return recorded;
}

export { stateWith } from '../../support/reduce-events.ts';
