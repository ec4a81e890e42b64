// Small builders for kubelet tests: nodes and pods with only the fields a test cares about, states
// folded from events through the real reducers, and a tiny driver that runs the kubelet's timers
// and applies its requests as the API server would, so a whole container life can be watched.

import { of } from 'rxjs';
import { toTimestamp } from '../../../core/clock.ts';
import type { Command } from '../../../core/commands.ts';
import type { Change, Controller, Effect } from '../../../core/controller.ts';
import type { EventBody } from '../../../core/events.ts';
import type {
  Condition,
  Container,
  ContainerStatus,
  Node,
  Pod,
  PodStatus,
  ResourceList,
  RestartPolicy,
} from '../../../core/objects.ts';
import { initialState } from '../../../reducers/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply, change, contextAt } from '../../support/reduce-events.ts';
import { commandsOf } from '../../support/effects.ts';

export { apply, change, contextAt };

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

export interface NodeOptions {
  readonly podCIDR?: string;
  readonly internalIP?: string;
  readonly conditions?: readonly Condition[];
}

export function node(name = 'node-1', options: NodeOptions = {}): Node {
  const resources = { cpu: '4', memory: '8Gi', pods: '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: toTimestamp(0),
      labels: { 'kubernetes.io/hostname': name },
    },
    spec: { podCIDR: options.podCIDR ?? '10.244.1.0/24' },
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: options.conditions ?? [],
      addresses: [
        { type: 'InternalIP', address: options.internalIP ?? '172.18.0.2' },
        { type: 'Hostname', address: name },
      ],
    },
  };
}

export function container(
  name = 'app',
  image = 'nginx',
  resources?: { requests?: ResourceList; limits?: ResourceList },
): Container {
  return { name, image, ...(resources === undefined ? {} : { resources }) };
}

export interface PodOptions {
  readonly namespace?: string;
  readonly uid?: string;
  readonly nodeName?: string;
  readonly restartPolicy?: RestartPolicy;
  readonly containers?: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly terminationGracePeriodSeconds?: number;
  readonly status?: PodStatus;
}

export function pod(name = 'web-abcde', options: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      uid: options.uid ?? `uid-${name}`,
      creationTimestamp: toTimestamp(0),
    },
    spec: {
      containers: options.containers ?? [container()],
      ...(options.initContainers === undefined ? {} : { initContainers: options.initContainers }),
      restartPolicy: options.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: options.terminationGracePeriodSeconds ?? 30,
      ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
    },
    status: options.status ?? { phase: 'Pending' },
  };
}



/** A state where `nodes` joined and each pod was created, then bound to its spec.nodeName at time 0. */
export function stateWith(nodes: readonly Node[], pods: readonly Pod[] = []): ClusterState {
  let state = apply(initialState(), ...nodes.map((object): EventBody => ({ type: 'node/joined', object })));
  for (const created of pods) {
    const { nodeName, ...spec } = created.spec;
    state = apply(state, { type: 'pod/created', object: { ...created, spec } });
    const { namespace = 'default', name } = created.metadata;
    if (nodeName !== undefined) state = apply(state, { type: 'pod/bound', namespace, name, nodeName });
  }
  return state;
}


export function wakesOf(effects: readonly Effect[]): Extract<Effect, { kind: 'wake' }>[] {
  return effects.flatMap((effect) => (effect.kind === 'wake' ? [effect] : []));
}

/** The status a reconcile reported for its pod; fails the test when there is none. */
export function reportedStatus(effects: readonly Effect[]): PodStatus {
  const command = commandsOf(effects).find((candidate) => candidate.type === 'updatePodStatus');
  if (command?.type !== 'updatePodStatus') throw new Error('no pod status was reported');
  return command.status;
}

export function containerStatus(status: PodStatus, name = 'app'): ContainerStatus {
  const found = status.containerStatuses?.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no status for container ${name}`);
  return found;
}

export function conditionOf(status: PodStatus, type: string): Condition | undefined {
  return status.conditions?.find((condition) => condition.type === type);
}

/** A request as admission would turn it into an event, for the few requests the kubelet makes. */
function eventFor(command: Command, state: ClusterState): EventBody {
  switch (command.type) {
    case 'updatePodStatus':
      return {
        type: 'pod/statusUpdated',
        namespace: command.namespace,
        name: command.name,
        status: command.status,
      };
    case 'reportNodeStatus':
      return { type: 'node/statusReported', name: command.name, status: command.status };
    case 'delete': {
      const target = state.pods.get(`${command.namespace}/${command.name}`);
      if (target?.metadata.uid !== command.uid)
        throw new Error(`delete precondition failed for ${command.name}`);
      return { type: 'pod/deleted', namespace: command.namespace ?? 'default', name: command.name };
    }
    default:
      throw new Error(`the kubelet should not ask for ${command.type}`);
  }
}

export interface Logged {
  readonly atMs: number;
  readonly command: Command;
}

export interface Run {
  readonly state: ClusterState;
  readonly log: Logged[];
}

interface Pending {
  readonly atMs: number;
  readonly key?: string;
  readonly event?: EventBody;
}

/**
 * Runs the kubelet from `state` until `untilMs`: `events` happen at their times (before any timer
 * of the same instant), their keys are routed through the kubelet's watch, and every request it
 * makes is applied at once, as the engine runs commands to completion.
 */
export function runKubelet(
  controller: Controller<ClusterState>,
  from: ClusterState,
  keys: readonly string[],
  untilMs: number,
  events: readonly { atMs: number; event: EventBody }[] = [],
): Run {
  let state = from;
  const log: Logged[] = [];
  const agenda: Pending[] = [
    ...events.map(({ atMs, event }) => ({ atMs, event })),
    ...keys.map((key) => ({ atMs: 0, key })),
  ];
  const route = (next: Change<ClusterState>) =>
    controller.watch(of(next)).subscribe((key) => agenda.push({ atMs: next.event.time, key }));
  for (let steps = 0; steps < 100_000; steps++) {
    const nextMs = Math.min(...agenda.map((item) => item.atMs));
    if (agenda.length === 0 || nextMs > untilMs) return { state, log };
    const index = agenda.findIndex((item) => item.atMs === nextMs && item.event !== undefined);
    const item = agenda.splice(
      index === -1 ? agenda.findIndex((candidate) => candidate.atMs === nextMs) : index,
      1,
    )[0] as Pending;
    if (item.event !== undefined) {
      const next = change(state, item.event, nextMs, 'user');
      state = next.after;
      route(next);
      continue;
    }
    // Timers for the same key at the same instant wake it once, as the work queue de-duplicates.
    for (let i = agenda.length - 1; i >= 0; i--)
      if (agenda[i]?.atMs === nextMs && agenda[i]?.key === item.key) agenda.splice(i, 1);
    for (const effect of controller.reconcile(item.key as string, contextAt(state, nextMs))) {
      if (effect.kind === 'wake') agenda.push({ atMs: Math.max(effect.atMs, nextMs), key: effect.key });
      else if (effect.kind === 'submit') {
        log.push({ atMs: nextMs, command: effect.command });
        // Recorded Events change nothing the kubelet reads; the log keeps them for the tests.
        if (effect.command.type === 'recordEvent') continue;
        const next = change(state, eventFor(effect.command, state), nextMs, effect.command.actor);
        state = next.after;
        route(next);
      }
    }
  }
  throw new Error('the kubelet did not settle');
}

/** The Events the kubelet recorded, as "reason: message", with their times. */
export function eventLog(run: Run): { atMs: number; event: string }[] {
  return run.log.flatMap(({ atMs, command }) =>
    command.type === 'recordEvent' ? [{ atMs, event: `${command.event.reason}: ${command.event.message}` }] : [],
  );
}

/** Pod statuses the kubelet reported, in order, with their times. */
export function statusLog(run: Run): { atMs: number; status: PodStatus }[] {
  return run.log.flatMap(({ atMs, command }) =>
    command.type === 'updatePodStatus' ? [{ atMs, status: command.status }] : [],
  );
}

export { commandsOf };
