// An API server with no controllers: commands in, events and state out. Reducer and admission
// tests use it so they exercise the same path a run does.

import { ClusterHarness } from './cluster-harness.ts';

/** The cluster without controllers: what admission and the reducers make of each request. */
export class ApiHarness extends ClusterHarness {
  constructor(seed = 1) {
    super([], seed);
  }
}

export function podManifest(name: string, extra: { labels?: Record<string, string>; cpu?: string; memory?: string; nodeName?: string } = {}): Record<string, unknown> {
  const requests = { ...(extra.cpu ? { cpu: extra.cpu } : {}), ...(extra.memory ? { memory: extra.memory } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests } }], ...(extra.nodeName ? { nodeName: extra.nodeName } : {}) },
  };
}

export function nodeManifest(name: string, cpu = '4', memory = '8Gi', pods = '110'): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { capacity: { cpu, memory, pods } } };
}

export function replicaSetManifest(name: string, replicas: number, labels: Record<string, string> = { app: name }): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  };
}
