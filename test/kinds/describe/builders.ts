// Helpers for the describer tests: a page rendered as `kubectl describe` prints it (the CLI ends
// every page with the Events table, which takes part in the column alignment of the lines
// before it), and small objects shaped like the ones in upstream's describe_test.go.

import type { Labels } from '../../../core/labels.ts';
import type { OwnerReference, Pod, PodPhase, PodTemplateSpec, ReplicaSet } from '../../../core/objects.ts';
import { DescribeWriter } from '../../../kinds/describe/describe-writer.ts';
import { describeEvents } from '../../../kinds/describe/events.ts';

export { stateWith } from '../../controllers/replicaset/builders.ts';

/** A page with no Events recorded, as `kubectl describe` prints it. */
export function page(describe: (w: DescribeWriter) => void): string {
  const w = new DescribeWriter();
  describe(w);
  describeEvents(w, [], 0);
  return w.toString();
}

/** The lines joined as the page prints them, each ended by a newline. */
export function lines(...text: string[]): string {
  return text.map((line) => `${line}\n`).join('');
}

/** The template of upstream's TestDescribeDeployment: one container mounting two empty dirs. */
export function templateWithVolumes(labels: Labels, image: string): PodTemplateSpec {
  return {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'app',
          image,
          volumeMounts: [
            { name: 'vol-foo', mountPath: '/tmp/vol-foo' },
            { name: 'vol-bar', mountPath: '/tmp/vol-bar' },
          ],
        },
      ],
      volumes: [
        { name: 'vol-foo', emptyDir: {} },
        { name: 'vol-bar', emptyDir: {} },
      ],
    },
  };
}

export function simpleTemplate(labels: Labels, image = 'mytest-image:latest'): PodTemplateSpec {
  return { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } };
}

export function controllerRef(kind: string, name: string, uid: string): OwnerReference {
  const apiVersion = kind === 'ReplicationController' ? 'v1' : kind === 'Job' || kind === 'CronJob' ? 'batch/v1' : 'apps/v1';
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}

export interface PodOptions {
  readonly namespace?: string;
  readonly labels?: Labels;
  readonly owner?: OwnerReference;
  readonly phase?: PodPhase;
  readonly volumes?: readonly Readonly<Record<string, unknown>>[];
  readonly uid?: string;
}

export function pod(name: string, options: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'foo',
      uid: options.uid ?? `uid-${name}`,
      creationTimestamp: '2021-01-01T00:00:00Z',
      labels: options.labels ?? {},
      ...(options.owner === undefined ? {} : { ownerReferences: [options.owner] }),
    },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...(options.volumes === undefined ? {} : { volumes: options.volumes }) },
    status: { phase: options.phase ?? 'Running' },
  };
}

export interface ReplicaSetOptions {
  readonly uid?: string;
  readonly ownerUid: string;
  readonly replicas: number;
  readonly statusReplicas: number;
  readonly template: PodTemplateSpec;
  readonly labels: Labels;
  readonly createdAt?: string;
  readonly namespace?: string;
}

export function replicaSet(name: string, options: ReplicaSetOptions): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: options.namespace ?? 'foo',
      uid: options.uid ?? `uid-${name}`,
      creationTimestamp: options.createdAt ?? '2021-01-01T00:00:00Z',
      labels: options.labels,
      ownerReferences: [controllerRef('Deployment', 'bar', options.ownerUid)],
    },
    spec: { replicas: options.replicas, selector: { matchLabels: options.labels }, template: options.template },
    status: { replicas: options.statusReplicas },
  };
}
