// The long log the log-seek bench reads: a long run of a small cluster written without the engine
// (so a million events take seconds, not the minutes the engine would need): 100 nodes reporting
// heartbeats and pods that churn through creation, binding, two status reports and deletion, about
// 3,000 alive at any time. Deterministic: the same count gives the same bytes.

import type { EventBody, KsimEvent } from '../../core/events.ts';
import { logHeader, LogWriter } from '../../replay/api.ts';
import { creatingStatus, namespaceObject, nodeObject, podObject, replicaSetObject, runningStatus } from '../../test/replay/builders.ts';

const NODES = 100;
const ALIVE = 3000;

class LongRun {
  private rev = 0;
  private timeMs = 0;

  constructor(private readonly writer: LogWriter) {}

  get events(): number {
    return this.rev;
  }

  add(actor: string, body: EventBody, afterMs = 0): void {
    this.timeMs += afterMs;
    this.rev++;
    this.writer.append({ rev: this.rev, time: this.timeMs, actor, ...body } as KsimEvent);
  }

  get nowMs(): number {
    return this.timeMs;
  }
}

function podName(index: number): string {
  return `web-${index.toString(36).padStart(6, '0')}`;
}

/** One pod's life up to Running: created, bound, ContainerCreating, Running. */
function startPod(run: LongRun, index: number): void {
  const name = podName(index);
  const node = `node-${(index % NODES) + 1}`;
  const pod = podObject(name, { createdMs: run.nowMs, owner: replicaSetObject('web', ALIVE), cpu: '10m', memory: '16Mi', labels: { app: 'web' } });
  run.add('controller/replicaset', { type: 'pod/created', object: pod }, 10);
  run.add('kube-scheduler', { type: 'pod/bound', namespace: 'default', name, nodeName: node });
  run.add(`kubelet/${node}`, { type: 'pod/statusUpdated', namespace: 'default', name, status: creatingStatus(run.nowMs + 100) }, 100);
  run.add(`kubelet/${node}`, { type: 'pod/statusUpdated', namespace: 'default', name, status: runningStatus(run.nowMs + 1500) }, 1400);
}

function stopPod(run: LongRun, index: number): void {
  const name = podName(index);
  run.add('user', { type: 'pod/deletionRequested', namespace: 'default', name, gracePeriodSeconds: 0 }, 10);
  run.add(`kubelet/node-${(index % NODES) + 1}`, { type: 'pod/deleted', namespace: 'default', name });
}

/** Writes a complete log of at least `events` events to `path`; returns how many it wrote. */
export function writeLongRun(path: string, events: number): number {
  const writer = LogWriter.open(path, logHeader(1, { name: 'bench-log-seek' }));
  const run = new LongRun(writer);
  run.add('scenario', { type: 'object/created', object: namespaceObject('default') });
  for (let n = 1; n <= NODES; n++) run.add(`kubelet/node-${n}`, { type: 'node/joined', object: nodeObject(`node-${n}`) });
  run.add('user', { type: 'object/created', object: replicaSetObject('web', ALIVE) });
  let started = 0;
  while (run.events < events) {
    if (started >= ALIVE) stopPod(run, started - ALIVE);
    startPod(run, started++);
    if (started % 10 === 0) {
      const node = `node-${(started % NODES) + 1}`;
      run.add(`kubelet/${node}`, { type: 'node/statusReported', name: node, status: nodeObject(node, { createdMs: run.nowMs }).status });
    }
  }
  writer.close({ endTimeMs: run.nowMs });
  return run.events;
}

