// Native sidecars (init containers with restartPolicy Always): the next container starts once the
// sidecar is started (its startup probe passed); sidecars run beside the app, restart whatever the
// pod's restartPolicy, and stop after the app containers, in reverse order; a pod whose app
// containers have completed for good stops its sidecars and ends.

import { describe, expect, it } from 'vitest';
import type { Container } from '../../../core/objects.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { container, eventLog, node, pod, runKubelet, SECOND, stateWith, statusLog } from './builders.ts';

const KEY = 'pod:default/web-abcde';
const images = imageCatalog({
  default: { pullMs: 0, startMs: SECOND },
  'proxy:1': { startupTakesMs: 7 * SECOND, stopMs: 3 * SECOND },
  'shipper:1': { stopMs: SECOND },
  'flaky:1': { crashAfterMs: 10 * SECOND, exitCode: 1 },
  'job:1': { runForMs: 5 * SECOND, exitCode: 0 },
  'web:1': { stopMs: 4 * SECOND },
});

const sidecar = (name: string, image: string, extra: Record<string, unknown> = {}): Container => ({ ...container(name, image), restartPolicy: 'Always', ...extra });

function runPod(initContainers: readonly Container[], containers: readonly Container[], options: { restartPolicy?: 'Always' | 'Never'; untilMs: number; deleteAtMs?: number }) {
  const subject = pod('web-abcde', { nodeName: 'node-1', restartPolicy: options.restartPolicy ?? 'Always', initContainers, containers });
  const deletion = options.deleteAtMs === undefined ? [] : [{ atMs: options.deleteAtMs, event: { type: 'pod/deletionRequested' as const, namespace: 'default', name: 'web-abcde', gracePeriodSeconds: 30 } }];
  return runKubelet(kubelet(images), stateWith([node()], [subject]), [KEY], options.untilMs, deletion);
}

const startupProbe = { startupProbe: { httpGet: { path: '/ready', port: 9901 }, periodSeconds: 5, failureThreshold: 10 } };

describe('kubelet: sidecars start first', () => {
  it('starts the app once a sidecar without a startup probe runs', () => {
    const statuses = statusLog(runPod([sidecar('shipper', 'shipper:1')], [container('app', 'web:1')], { untilMs: 10 * SECOND }));
    const last = statuses.at(-1)!.status;
    expect([last.initContainerStatuses?.[0]?.state.running?.startedAt, last.containerStatuses?.[0]?.state.running?.startedAt]).toEqual([
      '2025-01-01T00:00:01Z',
      '2025-01-01T00:00:02Z',
    ]);
    expect([last.phase, last.initContainerStatuses?.[0]?.started, last.initContainerStatuses?.[0]?.ready]).toEqual(['Running', true, true]);
  });

  it('holds the next container back until the sidecar startup probe passes', () => {
    const statuses = statusLog(runPod([sidecar('proxy', 'proxy:1', startupProbe)], [container('app', 'web:1')], { untilMs: 20 * SECOND }));
    // The proxy runs from 1s and answers from 8s; the probe ticks at 0s, 5s, 10s: started at 10s.
    const before = statuses.filter((entry) => entry.atMs < 10 * SECOND).at(-1)!.status;
    expect([before.initContainerStatuses?.[0]?.started, before.containerStatuses?.[0]?.state.waiting?.reason]).toEqual([false, 'PodInitializing']);
    const last = statuses.at(-1)!.status;
    expect(last.containerStatuses?.[0]?.state.running?.startedAt).toBe('2025-01-01T00:00:11Z');
  });
});

describe('kubelet: sidecars beside the app', () => {
  it('restarts a sidecar that dies, whatever the pod restartPolicy, without touching the app', () => {
    const statuses = statusLog(runPod([sidecar('flaky', 'flaky:1')], [container('app', 'web:1')], { restartPolicy: 'Never', untilMs: 15 * SECOND }));
    const last = statuses.at(-1)!.status;
    expect([last.phase, last.initContainerStatuses?.[0]?.restartCount, last.containerStatuses?.[0]?.restartCount]).toEqual(['Running', 1, 0]);
  });

  it('lets a Job-style pod complete: the app exits 0, the sidecar is stopped, the pod Succeeds', () => {
    const run = runPod([sidecar('shipper', 'shipper:1')], [container('job', 'job:1')], { restartPolicy: 'Never', untilMs: 30 * SECOND });
    const last = statusLog(run).at(-1)!;
    // The job runs from 2s to 7s; the shipper gets SIGTERM then and exits a second later.
    expect([last.atMs, last.status.phase, last.status.initContainerStatuses?.[0]?.state.terminated?.finishedAt]).toEqual([
      8 * SECOND,
      'Succeeded',
      '2025-01-01T00:00:08Z',
    ]);
    expect(eventLog(run).filter(({ event }) => event.startsWith('Killing'))).toEqual([{ atMs: 7 * SECOND, event: 'Killing: Stopping container shipper' }]);
  });
});

describe('kubelet: deleting a pod with sidecars', () => {
  it('stops the app first, then the sidecars from the last to the first', () => {
    const run = runPod([sidecar('proxy', 'proxy:1'), sidecar('shipper', 'shipper:1')], [container('app', 'web:1')], { untilMs: 60 * SECOND, deleteAtMs: 20 * SECOND });
    const last = statusLog(run).at(-1)!.status;
    const finished = [...(last.initContainerStatuses ?? []), ...(last.containerStatuses ?? [])].map((status) => [status.name, status.state.terminated?.finishedAt]);
    // SIGTERM to all at 20s for the app (4s to stop); shipper's turn at 24s (1s), proxy's at 25s (3s).
    expect(finished).toEqual([
      ['proxy', '2025-01-01T00:00:28Z'],
      ['shipper', '2025-01-01T00:00:25Z'],
      ['app', '2025-01-01T00:00:24Z'],
    ]);
    expect(run.log.at(-1)?.command.type).toBe('delete');
  });

  it('tells of the stop for every container at once, as killContainer does before it waits its turn', () => {
    const run = runPod([sidecar('shipper', 'shipper:1')], [container('app', 'web:1')], { untilMs: 60 * SECOND, deleteAtMs: 20 * SECOND });
    expect(eventLog(run).filter(({ event }) => event.startsWith('Killing'))).toEqual([
      { atMs: 20 * SECOND, event: 'Killing: Stopping container shipper' },
      { atMs: 20 * SECOND, event: 'Killing: Stopping container app' },
    ]);
  });
});

