// The pod garbage collector (pkg/controller/podgc/gc_controller.go): orphans of a deleted node after
// the 40 s quarantine, failed with DisruptionTarget first; terminated pods beyond the threshold,
// oldest first; terminating pods that were never scheduled.

import { describe, expect, it } from 'vitest';
import { gcOrder, gcTerminated } from '../../../controllers/pod-gc/gc-passes.ts';
import { podGcController } from '../../../controllers/pod-gc/index.ts';
import { toTimestamp } from '../../../core/clock.ts';
import { foldEvents } from '../../../reducers/index.ts';
import type { Pod, PodStatus } from '../../../core/objects.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';
import { commandsOf } from '../../support/effects.ts';
import { stateWith } from '../kubelet/builders.ts';
import { node, pod } from '../kubelet/builders.ts';

const SECOND = 1000;

function nodeManifest(name: string) {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, allocatable: { cpu: '4', memory: '8Gi', pods: '110' }, conditions: [] } };
}

function podManifest(name: string, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ...extra }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...('nodeName' in extra ? {} : {}) } };
}

describe('podgc: orphaned pods', () => {
  function cluster(): ClusterHarness {
    const api = new ClusterHarness([podGcController()]);
    api.run({ type: 'create', actor: 'kubelet/node-2', manifest: nodeManifest('node-2') });
    api.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'orphan', namespace: 'default' }, spec: { nodeName: 'node-2', containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    api.run({ type: 'updatePodStatus', actor: 'kubelet/node-2', namespace: 'default', name: 'orphan', status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } });
    api.run({ type: 'delete', actor: 'user', kind: 'Node', name: 'node-2' }, 30 * SECOND);
    return api;
  }

  it('leaves the pods of a deleted node alone during the quarantine', () => {
    const api = cluster();
    api.advance(49 * SECOND);
    expect(api.state.pods.get('default/orphan')?.status.phase).toBe('Running');
  });

  it('fails them with DisruptionTarget (DeletionByPodGC) and deletes them at the first collection 40s after one saw the node missing', () => {
    const api = cluster();
    const events = api.advance(60 * SECOND);
    const failed = events.find((event) => event.type === 'pod/statusUpdated');
    // The event carries what changed; the status it wrote is the pod's right after it.
    const written = foldEvents(api.events.filter((event) => event.rev <= (failed?.rev ?? 0))).pods.get('default/orphan')?.status;
    expect([failed?.time, written?.phase]).toEqual([80 * SECOND, 'Failed']);
    expect(written?.conditions?.find((condition) => condition.type === 'DisruptionTarget')).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByPodGC',
      message: 'PodGC: node no longer exists',
      lastTransitionTime: toTimestamp(80 * SECOND),
    });
    expect(events.filter((event) => event.type === 'pod/deleted').map((event) => [event.time, event.actor])).toEqual([[80 * SECOND, 'controller/podgc']]);
  });

  it('keeps the pods of a node that comes back during the quarantine', () => {
    const api = cluster();
    api.run({ type: 'create', actor: 'kubelet/node-2', manifest: nodeManifest('node-2') }, 50 * SECOND);
    api.advance(60 * SECOND);
    expect(api.state.pods.has('default/orphan')).toBe(true);
  });
});

describe('podgc: terminating pods never scheduled', () => {
  it('fails a pod marked for deletion that no node holds (one kept by its finalizer) and deletes it again', () => {
    const api = new ClusterHarness([podGcController()]);
    api.apply({ ...podManifest('stuck'), metadata: { name: 'stuck', namespace: 'default', finalizers: ['example.com/hold'] } });
    api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'stuck' });
    const events = api.advance(20 * SECOND);
    // The delete changes nothing: the pod is already marked, and its finalizer still holds it.
    expect(events.filter((event) => event.actor === 'controller/podgc').map((event) => event.type)).toEqual(['pod/statusUpdated']);
    expect(api.state.pods.get('default/stuck')?.status.phase).toBe('Failed');
  });
});

describe('podgc: terminated pods beyond the threshold', () => {
  const finished = (name: string, createdMs: number, status: Partial<PodStatus> = {}): Pod => {
    const base = pod(name, { nodeName: 'node-1', status: { phase: 'Succeeded', ...status } });
    return { ...base, metadata: { ...base.metadata, creationTimestamp: toTimestamp(createdMs) } };
  };

  it('deletes the oldest terminated pods, evicted ones first, without touching their status', () => {
    const pods = [finished('c', 3000), finished('a', 1000), finished('b', 2000), finished('evicted', 9000, { phase: 'Failed', reason: 'Evicted' }), pod('running', { nodeName: 'node-1', status: { phase: 'Running' } })];
    const commands = gcTerminated(stateWith([node()], pods), 0, 2);
    expect(commands.map((command) => [command.type, command.type === 'delete' ? command.name : '', command.type === 'delete' ? command.gracePeriodSeconds : ''])).toEqual([
      ['delete', 'evicted', 0],
      ['delete', 'a', 0],
    ]);
  });

  it('orders by eviction, then creation, then name', () => {
    const same = [finished('y', 1000), finished('x', 1000)].sort(gcOrder).map((subject) => subject.metadata.name);
    expect(same).toEqual(['x', 'y']);
  });

  it('does nothing at or under the threshold', () => {
    expect(gcTerminated(stateWith([node()], [finished('a', 0), finished('b', 0)]), 0, 2)).toEqual([]);
  });

  it('runs on its 20s beat from the start, in the background', () => {
    const controller = podGcController();
    const start = controller.start?.({ state: stateWith([node()]), nowMs: 0, rng: undefined as never }) ?? [];
    expect(start).toEqual([{ kind: 'wake', atMs: 0, key: 'gc', background: true }]);
    const effects = controller.reconcile('gc', { state: stateWith([node()]), nowMs: 0, rng: undefined as never });
    expect(commandsOf(effects)).toEqual([]);
    expect(effects).toEqual([{ kind: 'wake', atMs: 20 * SECOND, key: 'gc', background: true }]);
  });
});
