// A pod's first moments on its node: admission (addresses, QoS, conditions), pull and start, readiness.

import { describe, expect, it } from 'vitest';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import {
  apply,
  commandsOf,
  conditionOf,
  container,
  containerStatus,
  contextAt,
  node,
  pod,
  reportedStatus,
  runKubelet,
  SECOND,
  stateWith,
  statusLog,
  wakesOf,
} from './builders.ts';

const images = imageCatalog({ default: { pullMs: 1000, startMs: 1000, readyMs: 2000 } });
/** A kubelet of its own for each run: it remembers images and back-offs between syncs. */
const freshKubelet = () => kubelet(images);
const KEY = 'pod:default/web-abcde';

function admitted() {
  const state = stateWith([node()], [pod('web-abcde', { nodeName: 'node-1' })]);
  return freshKubelet().reconcile(KEY, contextAt(state, 0));
}

describe('kubelet: admitting a bound pod', () => {
  it('reports Pending with the start time, the node address and the first pod address', () => {
    const status = reportedStatus(admitted());
    expect(status).toMatchObject({
      phase: 'Pending',
      startTime: '2025-01-01T00:00:00Z',
      hostIP: '172.18.0.2',
      podIP: '10.244.1.2',
      qosClass: 'BestEffort',
    });
  });

  it('reports the container waiting in ContainerCreating', () => {
    expect(containerStatus(reportedStatus(admitted()))).toEqual({
      name: 'app',
      image: 'nginx',
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason: 'ContainerCreating' } },
      lastState: {},
    });
  });

  it('reports the kubelet conditions in upstream order, not ready with upstream message', () => {
    const conditions = reportedStatus(admitted()).conditions ?? [];
    const unready = {
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    };
    expect(conditions.map(({ lastTransitionTime: _time, lastProbeTime: _probe, ...rest }) => rest)).toEqual([
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', ...unready },
      { type: 'ContainersReady', ...unready },
      { type: 'PodScheduled', status: 'True' },
    ]);
  });

  it('signs its requests (the status and the Pulling event) as the kubelet of the node', () => {
    expect(commandsOf(admitted()).map((command) => [command.type, command.actor])).toEqual([
      ['recordEvent', 'kubelet/node-1'],
      ['updatePodStatus', 'kubelet/node-1'],
    ]);
  });

  // The kubelet records the Pulled event when the pull ends, at 1s, before the container runs at 2s.
  it('asks to be woken when the image is pulled', () => {
    expect(wakesOf(admitted())).toEqual([{ kind: 'wake', atMs: 1 * SECOND, key: KEY }]);
  });

  it('waits for its next whole second when bound between ticks', () => {
    const state = stateWith([node()], [pod('web-abcde', { nodeName: 'node-1' })]);
    expect(freshKubelet().reconcile(KEY, contextAt(state, 1500))).toEqual([
      { kind: 'wake', atMs: 2 * SECOND, key: KEY },
    ]);
  });

  it('gives the next pod on the node the next free address', () => {
    const first = stateWith(
      [node()],
      [pod('web-abcde', { nodeName: 'node-1' }), pod('web-fghij', { nodeName: 'node-1' })],
    );
    const state = apply(first, {
      type: 'pod/statusUpdated',
      namespace: 'default',
      name: 'web-abcde',
      status: reportedStatus(admitted()),
    });
    expect(reportedStatus(freshKubelet().reconcile('pod:default/web-fghij', contextAt(state, 0))).podIP).toBe(
      '10.244.1.3',
    );
  });

  it('reuses the address of a pod that finished', () => {
    const first = stateWith(
      [node()],
      [pod('web-abcde', { nodeName: 'node-1' }), pod('web-fghij', { nodeName: 'node-1' })],
    );
    const done = { ...reportedStatus(admitted()), phase: 'Succeeded' as const };
    const state = apply(first, {
      type: 'pod/statusUpdated',
      namespace: 'default',
      name: 'web-abcde',
      status: done,
    });
    expect(reportedStatus(freshKubelet().reconcile('pod:default/web-fghij', contextAt(state, 0))).podIP).toBe(
      '10.244.1.2',
    );
  });

  it('leaves the pod address out when the node has no podCIDR', () => {
    const bare = { ...node(), spec: {} };
    const state = stateWith([bare], [pod('web-abcde', { nodeName: 'node-1' })]);
    expect(reportedStatus(freshKubelet().reconcile(KEY, contextAt(state, 0))).podIP).toBeUndefined();
  });

  it('does nothing for a pod whose node is not there', () => {
    const state = stateWith([node('node-2')], [pod('web-abcde', { nodeName: 'node-1' })]);
    expect(freshKubelet().reconcile(KEY, contextAt(state, 0))).toEqual([]);
  });
});

describe('kubelet: starting containers', () => {
  function run(untilMs: number, containers = [container()]) {
    const state = stateWith([node()], [pod('web-abcde', { nodeName: 'node-1', containers })]);
    return runKubelet(freshKubelet(), state, [KEY], untilMs);
  }

  it('runs the container after its pull and start, Running but not ready', () => {
    const [, running] = statusLog(run(2 * SECOND));
    expect(running?.atMs).toBe(2 * SECOND);
    expect(running?.status.phase).toBe('Running');
    expect(containerStatus(running!.status)).toMatchObject({
      ready: false,
      started: true,
      state: { running: { startedAt: '2025-01-01T00:00:02Z' } },
    });
  });

  it('turns the container and the pod ready once readiness passes', () => {
    const [, , ready] = statusLog(run(10 * SECOND));
    expect(ready?.atMs).toBe(4 * SECOND);
    expect(containerStatus(ready!.status).ready).toBe(true);
    expect([conditionOf(ready!.status, 'Ready'), conditionOf(ready!.status, 'ContainersReady')]).toEqual([
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:04Z' },
      {
        type: 'ContainersReady',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2025-01-01T00:00:04Z',
      },
    ]);
  });

  it('keeps the transition time of conditions that did not change', () => {
    const [admittedStatus, , ready] = statusLog(run(10 * SECOND));
    expect(conditionOf(ready!.status, 'Initialized')).toBe(
      conditionOf(admittedStatus!.status, 'Initialized'),
    );
  });

  it('reports nothing more once the pod is ready and runs for good', () => {
    const result = run(10 * 60 * SECOND);
    expect(statusLog(result)).toHaveLength(3);
  });

  it('starts containers one after the other, each pulled then started', () => {
    const statuses = statusLog(run(2 * SECOND, [container('app'), container('sidecar', 'envoy')]));
    const last = statuses.at(-1)!.status;
    expect([containerStatus(last, 'app').state, containerStatus(last, 'sidecar').state]).toEqual([
      { running: { startedAt: '2025-01-01T00:00:02Z' } },
      { waiting: { reason: 'ContainerCreating' } },
    ]);
  });

  it('stays Pending while any container waits, naming every unready container', () => {
    const statuses = statusLog(run(2 * SECOND, [container('app'), container('sidecar', 'envoy')]));
    const last = statuses.at(-1)!.status;
    expect([last.phase, conditionOf(last, 'Ready')?.message]).toEqual([
      'Pending',
      'containers with unready status: [app sidecar]',
    ]);
  });
});
