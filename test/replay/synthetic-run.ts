// A plausible run without the engine: nodes join, a ReplicaSet's pods are created, bound and
// started, nodes send heartbeats, a request is refused and some pods are deleted. It exercises
// every reducer the timeline and the printers read, and scales to the benchmark's 200,000 events.

import type { EventBody, KsimEvent } from '../../core/events.ts';
import { creatingStatus, namespaceObject, nodeObject, podObject, replicaSetObject, runningStatus } from './builders.ts';

class RunBuilder {
  readonly events: KsimEvent[] = [];

  add(timeMs: number, actor: string, body: EventBody): void {
    this.events.push({ rev: this.events.length + 1, time: timeMs, actor, ...body } as KsimEvent);
  }
}

function heartbeat(run: RunBuilder, timeMs: number, node: string): void {
  const status = nodeObject(node, { createdMs: timeMs }).status;
  run.add(timeMs, `kubelet/${node}`, { type: 'node/statusReported', name: node, status });
}

function startPod(run: RunBuilder, index: number, timeMs: number, nodeCount: number): void {
  const rs = replicaSetObject('web', 0);
  const name = `web-${index.toString(36).padStart(5, '0')}`;
  const node = `node-${(index % nodeCount) + 1}`;
  const pod = podObject(name, {
    createdMs: timeMs,
    owner: rs,
    cpu: '10m',
    memory: '16Mi',
    labels: { app: 'web' },
  });
  run.add(timeMs, 'controller/replicaset', { type: 'pod/created', object: pod });
  run.add(timeMs, 'kube-scheduler', { type: 'pod/bound', namespace: 'default', name, nodeName: node });
  run.add(timeMs + 100, `kubelet/${node}`, {
    type: 'pod/statusUpdated',
    namespace: 'default',
    name,
    status: creatingStatus(timeMs + 100),
  });
  run.add(timeMs + 1500, `kubelet/${node}`, {
    type: 'pod/statusUpdated',
    namespace: 'default',
    name,
    status: runningStatus(timeMs + 1500),
  });
}

/** About 5 events per pod; times never go back. */
export function syntheticRun(podCount: number, nodeCount = 10): KsimEvent[] {
  const run = new RunBuilder();
  run.add(0, 'scenario', { type: 'object/created', object: namespaceObject('default') });
  for (let n = 1; n <= nodeCount; n++)
    run.add(0, `kubelet/node-${n}`, { type: 'node/joined', object: nodeObject(`node-${n}`) });
  run.add(0, 'user', { type: 'object/created', object: replicaSetObject('web', podCount) });
  for (let i = 0; i < podCount; i++) {
    const timeMs = 1000 + i * 2000;
    startPod(run, i, timeMs, nodeCount);
    if (i % 10 === 9) heartbeat(run, timeMs + 1500, `node-${(i % nodeCount) + 1}`);
    if (i % 50 === 49) {
      const request = { verb: 'create', kind: 'Pod', namespace: 'default', name: 'web-00000' };
      run.add(timeMs + 1500, 'user', {
        type: 'request/rejected',
        request,
        code: 409,
        reason: 'AlreadyExists',
        message: 'pods "web-00000" already exists',
      });
    }
  }
  const endMs = 1000 + podCount * 2000;
  run.add(endMs, 'user', {
    type: 'object/scaled',
kind: 'ReplicaSet',
    namespace: 'default',
    name: 'web',
    replicas: Math.max(0, podCount - 2),
  });
  const doomed = Array.from({ length: Math.min(2, podCount) }, (_, i) => i);
  for (const i of doomed) {
    const name = `web-${i.toString(36).padStart(5, '0')}`;
    run.add(endMs, 'controller/replicaset', {
      type: 'pod/deletionRequested',
      namespace: 'default',
      name,
      gracePeriodSeconds: 30,
    });
  }
  for (const i of doomed) {
    const name = `web-${i.toString(36).padStart(5, '0')}`;
    run.add(endMs + 30_000, `kubelet/node-${(i % nodeCount) + 1}`, {
      type: 'pod/deleted',
      namespace: 'default',
      name,
    });
  }
  return run.events;
}
