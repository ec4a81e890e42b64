// An API server with no controllers: commands in, events and state out. Reducer and admission
// tests use it so they exercise the same path a run does.

import { admit } from '../../apiserver/admit.ts';
import type { Command } from '../../core/commands.ts';
import { Engine } from '../../core/engine.ts';
import type { KsimEvent } from '../../core/events.ts';
import { initialState, reduce } from '../../reducers/index.ts';
import type { ClusterState } from '../../reducers/state.ts';

export class ApiHarness {
  readonly events: KsimEvent[] = [];
  private readonly engine: Engine<ClusterState>;

  constructor(seed = 1) {
    this.engine = new Engine({ initialState: initialState(), admit, reduce, controllers: [], onEvent: (event) => this.events.push(event) }, seed);
    for (const name of ['default', 'kube-system']) this.run({ type: 'create', actor: 'kube-apiserver', manifest: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
  }

  get state(): ClusterState {
    return this.engine.currentState;
  }

  /** Runs the command at the given virtual time and returns the events it produced. */
  run(command: Command, atMs = this.engine.nowMs): KsimEvent[] {
    const before = this.events.length;
    this.engine.schedule(atMs, command);
    this.engine.runUntil(atMs);
    return this.events.slice(before);
  }

  apply(manifest: unknown, atMs?: number): KsimEvent[] {
    return this.run({ type: 'apply', actor: 'user', manifest }, atMs);
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
