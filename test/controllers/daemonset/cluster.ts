// A cluster for the DaemonSet controller's end-to-end tests: nodes applied as a user applies
// Node manifests, the scheduler, the kubelet, the StatefulSet and DaemonSet controllers and the
// garbage collector, the DaemonSet `agent` as a user would apply it, and readers for what the
// tests look at.

import { daemonSetController } from '../../../controllers/daemonset/index.ts';
import { garbageCollector } from '../../../controllers/garbage-collector/index.ts';
import { type ImageSpec, imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { scheduler } from '../../../controllers/scheduler/index.ts';
import { statefulSetController } from '../../../controllers/statefulset/index.ts';
import { isPodActive, isPodReady } from '../../../controllers/common/pod-state.ts';
import type { KsimEvent } from '../../../core/events.ts';
import type { Pod } from '../../../core/objects.ts';
import type { DaemonSet } from '../../../core/workloads.ts';
import { reduce } from '../../../reducers/index.ts';
import { listObjects, lookupObject } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';

export const MINUTE_MS = 60_000;

/** Containers take 2 s to start and 3 s more to turn ready, so a rollout takes several steps. */
export const SLOW: Readonly<Record<string, ImageSpec>> = {
  'agent:1': { startMs: 2000, readyMs: 3000 },
  'agent:2': { startMs: 2000, readyMs: 3000 },
};

export interface NodeOptions {
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Readonly<Record<string, string>>[];
  readonly unschedulable?: boolean;
}

/** A Node manifest as a user applies it (labels and spec as scenarios/nodes.ts writes them). */
export function nodeManifest(name: string, options: NodeOptions = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(options.labels ?? {}) } },
    spec: {
      ...(options.taints === undefined ? {} : { taints: options.taints }),
      ...(options.unschedulable === true ? { unschedulable: true } : {}),
    },
    status: { capacity: { cpu: '8', memory: '16Gi', pods: '110' } },
  };
}

export function daemonCluster(images: Readonly<Record<string, ImageSpec>> = SLOW): ClusterHarness {
  return new ClusterHarness([scheduler(), kubelet(imageCatalog(images)), statefulSetController(), daemonSetController(), garbageCollector()]);
}

export interface AgentOptions {
  readonly image?: string;
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly tolerations?: readonly Readonly<Record<string, string>>[];
  readonly updateStrategy?: Readonly<Record<string, unknown>>;
  readonly minReadySeconds?: number;
}

/** The DaemonSet `agent` (app=agent), as a user would apply it. */
export function agent(options: AgentOptions = {}): Record<string, unknown> {
  const spec = {
    containers: [{ name: 'agent', image: options.image ?? 'agent:1' }],
    ...(options.nodeSelector === undefined ? {} : { nodeSelector: options.nodeSelector }),
    ...(options.tolerations === undefined ? {} : { tolerations: options.tolerations }),
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      ...(options.updateStrategy === undefined ? {} : { updateStrategy: options.updateStrategy }),
      ...(options.minReadySeconds === undefined ? {} : { minReadySeconds: options.minReadySeconds }),
      template: { metadata: { labels: { app: 'agent' } }, spec },
    },
  };
}

export function agentSet(state: ClusterState): DaemonSet {
  const ds = lookupObject<DaemonSet>(state, 'DaemonSet', 'default', 'agent');
  if (ds === undefined) throw new Error('no DaemonSet agent');
  return ds;
}

export function agentPods(state: ClusterState): Pod[] {
  return listObjects<Pod>(state, 'Pod', 'default').filter((pod) => pod.metadata.labels?.app === 'agent');
}

/** The nodes the agent's live pods are bound to, sorted. */
export function nodesWithPods(state: ClusterState): string[] {
  return agentPods(state)
    .filter(isPodActive)
    .map((pod) => pod.spec.nodeName ?? '(pending)')
    .sort();
}

export function readyNodes(state: ClusterState): string[] {
  return agentPods(state)
    .filter((pod) => isPodActive(pod) && isPodReady(pod))
    .map((pod) => pod.spec.nodeName ?? '')
    .sort();
}

export function imageOf(pod: Pod): string {
  return pod.spec.containers[0]?.image ?? '';
}

export interface Step {
  readonly event: KsimEvent;
  readonly before: ClusterState;
  readonly after: ClusterState;
}

/** Runs `act` and lets time pass, returning every change it caused with the states around it. */
export function watchChanges(cluster: ClusterHarness, act: () => void, forMs = 2 * MINUTE_MS): Step[] {
  let state = cluster.state;
  const from = cluster.events.length;
  act();
  cluster.advance(forMs);
  return cluster.events.slice(from).map((event) => {
    const before = state;
    state = reduce(state, event);
    return { event, before, after: state };
  });
}

/** The status fields `kubectl get ds` shows, plus misscheduled. */
export function statusCounts(state: ClusterState): Record<string, number | undefined> {
  const status = agentSet(state).status;
  return {
    desired: status.desiredNumberScheduled,
    current: status.currentNumberScheduled,
    ready: status.numberReady,
    updated: status.updatedNumberScheduled,
    available: status.numberAvailable,
    misscheduled: status.numberMisscheduled,
  };
}
