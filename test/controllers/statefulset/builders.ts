// Objects for StatefulSet controller tests, shaped like upstream's newStatefulSet(replicas)
// (pkg/controller/statefulset/stateful_set_utils_test.go): set "foo" in "default" with uid "test",
// selector and template labels foo=bar, a "datadir" claim template, a "home" host-path volume,
// service "governingsvc", RollingUpdate without a rollingUpdate block, history limit 2.

import { toTimestamp } from '../../../core/clock.ts';
import type { Pod, PodPhase } from '../../../core/objects.ts';
import type { PersistentVolumeClaim, StatefulSet, StatefulSetSpec, StatefulSetStatus } from '../../../core/workloads.ts';
import type { PodManifest } from '../../../controllers/statefulset/pod-template.ts';

export interface SetOptions {
  readonly name?: string;
  readonly replicas?: number;
  readonly generation?: number;
  readonly spec?: Partial<StatefulSetSpec>;
  readonly status?: StatefulSetStatus;
  readonly annotations?: Readonly<Record<string, string>>;
}

export function statefulSet(options: SetOptions = {}): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: options.name ?? 'foo',
      namespace: 'default',
      uid: 'test',
      creationTimestamp: toTimestamp(0),
      generation: options.generation ?? 1,
      ...(options.annotations === undefined ? {} : { annotations: options.annotations }),
    },
    spec: {
      replicas: options.replicas ?? 3,
      selector: { matchLabels: { foo: 'bar' } },
      template: {
        metadata: { labels: { foo: 'bar' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx',
              volumeMounts: [
                { name: 'datadir', mountPath: '/tmp/zookeeper' },
                { name: 'home', mountPath: '/home' },
              ],
            },
          ],
          volumes: [{ name: 'home', hostPath: { path: '/tmp/home' } }],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'datadir' }, spec: { resources: { requests: { storage: '1' } } } }],
      serviceName: 'governingsvc',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate' },
      revisionHistoryLimit: 2,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      ...(options.spec ?? {}),
    },
    status: options.status ?? { replicas: 0 },
  };
}

export function withImage(set: StatefulSet, image: string): StatefulSet {
  const template = set.spec.template;
  const containers = template.spec.containers.map((container) => ({ ...container, image }));
  return { ...set, metadata: { ...set.metadata, generation: (set.metadata.generation ?? 1) + 1 }, spec: { ...set.spec, template: { ...template, spec: { ...template.spec, containers } } } };
}

export interface PodState {
  readonly phase?: PodPhase;
  /** Ready since this virtual ms. */
  readonly readySinceMs?: number;
  readonly uid?: string;
  readonly deleting?: boolean;
}

/** A stored pod made from a manifest the controller asked for. */
export function podFrom(manifest: PodManifest, state: PodState = {}): Pod {
  const ready = state.readySinceMs !== undefined;
  return {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      uid: state.uid ?? `uid-${manifest.metadata.name}`,
      creationTimestamp: toTimestamp(0),
      ...(state.deleting === true ? { deletionTimestamp: toTimestamp(0) } : {}),
    },
    status: {
      phase: state.phase ?? (ready ? 'Running' : 'Pending'),
      ...(ready
        ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: toTimestamp(state.readySinceMs ?? 0) }] }
        : {}),
    },
  };
}

export function claim(name: string, extra: Partial<PersistentVolumeClaim['metadata']> = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: toTimestamp(0), ...extra },
    spec: {},
    status: { phase: 'Bound' },
  };
}
