// Small builders for the scheduler's tests: nodes and pods as the API server would store them, and
// cluster states folded from events through the real reducer, so the indexes are the real ones.

import { type CycleState, preFilter } from '../../../controllers/scheduler/cycle-state.ts';
import { buildNodeSnapshot, buildNodeViews, type NodeSnapshot, type NodeView } from '../../../controllers/scheduler/node-views.ts';
import { type PodInfo, podInfo } from '../../../controllers/scheduler/pod-info.ts';
import type { EventBody } from '../../../core/events.ts';
import type { Labels } from '../../../core/labels.ts';
import type {
  Container,
  ContainerImage,
  Node,
  NodeAffinity,
  ObjectMeta,
  Pod,
  PodPhase,
  PodSpec,
  Taint,
  Toleration,
} from '../../../core/objects.ts';
import { Rng } from '../../../core/prng.ts';
import { Table } from '../../../core/table.ts';
import { NO_USAGE, type NodeUsage } from '../../../reducers/pod-resources.ts';
import { type ClusterState, emptyState } from '../../../reducers/state.ts';
import { apply } from '../../support/reduce-events.ts';

export { apply };

export interface NodeOptions {
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  readonly labels?: Labels;
  readonly taints?: readonly Taint[];
  readonly unschedulable?: boolean;
  /** More allocatable resources: extended resources, ephemeral-storage. */
  readonly resources?: Readonly<Record<string, string>>;
  /** status.images, as a kubelet reports them. */
  readonly images?: readonly ContainerImage[];
}

export function makeNode(name: string, options: NodeOptions = {}): Node {
  const allocatable = {
    cpu: options.cpu ?? '4',
    memory: options.memory ?? '16Gi',
    pods: options.pods ?? '110',
    ...(options.resources ?? {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: options.labels ?? {},
    },
    spec: {
      ...(options.taints ? { taints: options.taints } : {}),
      ...(options.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity: allocatable,
      allocatable,
      conditions: [{ type: 'Ready', status: 'True' }],
      ...(options.images !== undefined ? { images: options.images } : {}),
    },
  };
}

export interface PodOptions {
  readonly namespace?: string;
  /** One container per entry; an entry's keys are its requests. Default: one container requesting nothing. */
  readonly requests?: readonly Readonly<Record<string, string>>[];
  readonly nodeName?: string;
  readonly phase?: PodPhase;
  readonly tolerations?: readonly Toleration[];
  readonly nodeSelector?: Labels;
  readonly nodeAffinity?: NodeAffinity;
  readonly schedulerName?: string;
  readonly priority?: number;
  readonly creationTimestamp?: string;
  readonly labels?: Labels;
  /** Merged over the spec the other options build. */
  readonly spec?: Partial<PodSpec>;
  /** Merged over the metadata the other options build (owner references, deletionTimestamp). */
  readonly metadata?: Partial<ObjectMeta>;
}

function containersOf(requests: readonly Readonly<Record<string, string>>[]): Container[] {
  return requests.map((request, index) => ({
    name: `c${index}`,
    image: 'nginx',
    ...(Object.keys(request).length > 0 ? { resources: { requests: request } } : {}),
  }));
}

export function makePod(name: string, options: PodOptions = {}): Pod {
  const spec = {
    containers: containersOf(options.requests ?? [{}]),
    ...(options.nodeName !== undefined ? { nodeName: options.nodeName } : {}),
    ...(options.tolerations !== undefined ? { tolerations: options.tolerations } : {}),
    ...(options.nodeSelector !== undefined ? { nodeSelector: options.nodeSelector } : {}),
    ...(options.nodeAffinity !== undefined ? { affinity: { nodeAffinity: options.nodeAffinity } } : {}),
    ...(options.schedulerName !== undefined ? { schedulerName: options.schedulerName } : {}),
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
    ...(options.spec ?? {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      uid: `uid-${name}`,
      creationTimestamp: options.creationTimestamp ?? '2025-01-01T00:00:00Z',
      ...(options.labels !== undefined ? { labels: options.labels } : {}),
      ...(options.metadata ?? {}),
    },
    spec,
    status: { phase: options.phase ?? 'Pending' },
  };
}


export function stateOf(nodes: readonly Node[], pods: readonly Pod[] = []): ClusterState {
  const joined = nodes.map((object): EventBody => ({ type: 'node/joined', object }));
  const created = pods.map((object): EventBody => ({ type: 'pod/created', object }));
  return apply(emptyState(), ...joined, ...created);
}

export function infoOf(pod: Pod, state: ClusterState = emptyState()): PodInfo {
  return podInfo(`${pod.metadata.namespace}/${pod.metadata.name}`, pod, state);
}

/** The scheduler's views of every node in the state, in its search order. */
export function viewsOf(state: ClusterState): readonly NodeView[] {
  return buildNodeViews(state.nodes, state.indexes.nodeAllocatable);
}

/** The scheduler's snapshot of the nodes: the views in search order, and by name. */
export function snapshotOf(state: ClusterState): NodeSnapshot {
  return buildNodeSnapshot(state.nodes, state.indexes.nodeAllocatable);
}

/** A cycle's state after PreFilter, for the pod against the state's nodes and pods. */
export function cycleOf(pod: Pod, state: ClusterState): CycleState {
  return preFilter(infoOf(pod, state), snapshotOf(state), state);
}

export function viewOf(node: Node): NodeView {
  return buildNodeViews(Table.of([[node.metadata.name, node]]), Table.empty())[0] as NodeView;
}

export function usageOn(state: ClusterState, nodeName: string): NodeUsage {
  return state.indexes.nodeUsage.get(nodeName) ?? NO_USAGE;
}

export function testRng(seed = 1): Rng {
  return new Rng(seed, 'kube-scheduler');
}
