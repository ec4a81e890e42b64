// Probes in the kubelet: Unhealthy events for each failure, the kill a liveness or startup failure
// asks for, the restart after it (checked against the exit before the kill), readiness following
// the readiness probe.

import { describe, expect, it } from 'vitest';
import type { Container, RestartPolicy } from '../../../core/objects.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { container, containerStatus, eventLog, node, pod, runKubelet, SECOND, stateWith, statusLog } from './builders.ts';

const KEY = 'pod:default/web-abcde';
const images = imageCatalog({
  default: { pullMs: SECOND, startMs: SECOND },
  // The documentation's liveness-exec container: healthy for 30s, then cat /tmp/healthy fails.
  'busybox:1.27.2': {
    livenessFailsAfterMs: 30 * SECOND,
    probeOutput: "cat: can't open '/tmp/healthy': No such file or directory",
    stopMs: 10 * 60 * SECOND,
  },
  'slow:1': { readyMs: 12 * SECOND },
  'stuck:1': { startupTakesMs: 10 * 60 * SECOND },
  'hangs:1': { livenessFailsAfterMs: 20 * SECOND },
  // Answers every probe in 2s: within a timeout of 3s, past the default 1s.
  'sluggish:1': { probeTakesMs: 2 * SECOND },
});

const livenessExec = {
  livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
};

function runPod(app: Container, untilMs: number, restartPolicy: RestartPolicy = 'Always') {
  const subject = pod('web-abcde', { nodeName: 'node-1', restartPolicy, containers: [app] });
  return runKubelet(kubelet(images), stateWith([node()], [subject]), [KEY], untilMs);
}

describe('kubelet: the documentation exec liveness probe', () => {
  const run = runPod({ ...container('liveness', 'busybox:1.27.2'), ...livenessExec }, 8 * 60 * SECOND);

  it('fails at 35s, 40s and 45s, and the kubelet kills the container then', () => {
    expect(eventLog(run).filter(({ atMs }) => atMs <= 45 * SECOND && atMs >= 30 * SECOND)).toEqual([
      { atMs: 35 * SECOND, event: "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory" },
      { atMs: 40 * SECOND, event: "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory" },
      { atMs: 45 * SECOND, event: "Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory" },
      { atMs: 45 * SECOND, event: 'Killing: Container liveness failed liveness probe, will be restarted' },
    ]);
  });

  it('restarts it at once when the kill ends at 75s (SIGTERM ignored: 137 after the 30s grace)', () => {
    const restarted = statusLog(run).find(({ status }) => containerStatus(status, 'liveness').restartCount === 1)!;
    const liveness = containerStatus(restarted.status, 'liveness');
    expect([restarted.atMs, liveness.lastState?.terminated?.exitCode, liveness.lastState?.terminated?.finishedAt]).toEqual([
      76 * SECOND,
      137,
      '2025-01-01T00:01:15Z',
    ]);
  });

  it('keeps restarting at once while the back-off (10s, 20s, 40s) is shorter than the time between kills, then backs off', () => {
    // Each instance lives 74s (30s healthy, probes until the kill, 30s of grace); the back-off is
    // checked against the exit before the kill: none after the first kill, then 10s, 20s, 40s and
    // 80s after the next ones. The sixth instance, killed at 7m30s, is 75s past the exit before
    // it, less than 80s: it waits in CrashLoopBackOff.
    const restarts = statusLog(run)
      .map(({ atMs, status }) => ({ atMs, liveness: containerStatus(status, 'liveness') }))
      .filter(({ liveness }) => liveness.state.running !== undefined)
      .map(({ atMs, liveness }) => [atMs / SECOND, liveness.restartCount]);
    expect(restarts).toEqual([
      [2, 0],
      [76, 1],
      [151, 2],
      [226, 3],
      [301, 4],
      [376, 5],
    ]);
    const waiting = containerStatus(statusLog(run).at(-1)!.status, 'liveness');
    expect(waiting.state.waiting?.message).toMatch(/^back-off 1m20s restarting failed container=liveness /);
  });
});

describe('kubelet: liveness under restartPolicy Never', () => {
  it('kills without restarting, and the pod ends', () => {
    const probe = { livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10, failureThreshold: 1 } };
    const run = runPod({ ...container('app', 'hangs:1'), ...probe }, 60 * SECOND, 'Never');
    expect(eventLog(run).filter(({ event }) => /Unhealthy|Killing/.test(event))).toEqual([
      { atMs: 30 * SECOND, event: 'Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500' },
      { atMs: 30 * SECOND, event: 'Killing: Container app failed liveness probe' },
    ]);
    expect(statusLog(run).at(-1)?.status.phase).toBe('Succeeded');
  });
});

describe('kubelet: readiness probes', () => {
  it('keeps a running container unready until its readiness probe passes, telling each failure', () => {
    const probe = { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } };
    const run = runPod({ ...container('app', 'slow:1'), ...probe }, 30 * SECOND);
    // Running at 2s, answering from 14s: probes at 2s (at the start), 5s, 10s fail; 15s passes.
    expect(eventLog(run).filter(({ event }) => event.startsWith('Unhealthy')).map(({ atMs }) => atMs / SECOND)).toEqual([2, 5, 10]);
    const ready = statusLog(run).find(({ status }) => containerStatus(status, 'app').ready)!;
    expect([ready.atMs, ready.status.conditions?.find((condition) => condition.type === 'Ready')?.status]).toEqual([15 * SECOND, 'True']);
  });

  it('turns a container without a readiness probe ready once its image says so', () => {
    const run = runPod(container('app', 'slow:1'), 30 * SECOND);
    expect(statusLog(run).find(({ status }) => containerStatus(status, 'app').ready)?.atMs).toBe(14 * SECOND);
  });
});

describe('kubelet: startup probes', () => {
  it('kills a container whose startup probe never passes, and holds readiness until then', () => {
    const probe = { startupProbe: { tcpSocket: { port: 80 }, periodSeconds: 10, failureThreshold: 3 } };
    const run = runPod({ ...container('app', 'stuck:1'), ...probe }, 40 * SECOND);
    const told = eventLog(run).filter(({ atMs, event }) => atMs <= 35 * SECOND && /Unhealthy|Killing/.test(event));
    expect(told.map(({ atMs, event }) => `${atMs / SECOND} ${event}`)).toEqual([
      '10 Unhealthy: Startup probe failed: dial tcp 10.244.1.2:80: connect: connection refused',
      '20 Unhealthy: Startup probe failed: dial tcp 10.244.1.2:80: connect: connection refused',
      '30 Unhealthy: Startup probe failed: dial tcp 10.244.1.2:80: connect: connection refused',
      '30 Killing: Container app failed startup probe, will be restarted',
    ]);
    expect(containerStatus(statusLog(run).at(-1)!.status, 'app').restartCount).toBe(1);
    expect(statusLog(run).every(({ status }) => !containerStatus(status, 'app').ready && containerStatus(status, 'app').started !== true)).toBe(true);
  });
});

describe('kubelet: probe timeouts (timeoutSeconds against the image probeTakes)', () => {
  const unhealthy = (run: ReturnType<typeof runPod>) => eventLog(run).filter(({ event }) => /Unhealthy|Killing/.test(event));

  it('times out an exec liveness probe at every run with the default 1s, and kills the container', () => {
    const probe = { livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 } };
    const run = runPod({ ...container('app', 'sluggish:1'), ...probe }, 16 * SECOND);
    // Running at 2s; the worker ticks from the pod's admission at 0s: 5s, 10s, 15s fail.
    expect(unhealthy(run).map(({ atMs, event }) => `${atMs / SECOND} ${event}`)).toEqual([
      '5 Unhealthy: Liveness probe failed: command "cat /tmp/healthy" timed out',
      '10 Unhealthy: Liveness probe failed: command "cat /tmp/healthy" timed out',
      '15 Unhealthy: Liveness probe failed: command "cat /tmp/healthy" timed out',
      '15 Killing: Container app failed liveness probe, will be restarted',
    ]);
  });

  it('leaves the same probe alone with timeoutSeconds 3', () => {
    const probe = { livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, timeoutSeconds: 3 } };
    const run = runPod({ ...container('app', 'sluggish:1'), ...probe }, 60 * SECOND);
    expect(unhealthy(run)).toEqual([]);
  });

  it('keeps a container unready whose HTTP readiness probe times out, in the words of the HTTP client', () => {
    const probe = { readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 10 } };
    const run = runPod({ ...container('app', 'sluggish:1'), ...probe }, 30 * SECOND);
    expect(unhealthy(run).map(({ event }) => event)).toContain(
      'Unhealthy: Readiness probe failed: Get "http://10.244.1.2:8080/ready": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
    );
    expect(statusLog(run).some(({ status }) => containerStatus(status, 'app').ready)).toBe(false);
  });

  it('words a gRPC time-out as the health call does, and never times out a TCP probe', () => {
    const grpc = runPod({ ...container('app', 'sluggish:1'), startupProbe: { grpc: { port: 9090 }, periodSeconds: 10, failureThreshold: 2 } }, 25 * SECOND);
    expect(unhealthy(grpc).map(({ event }) => event)).toEqual([
      'Unhealthy: Startup probe failed: timeout: health rpc did not complete within 1s',
      'Unhealthy: Startup probe failed: timeout: health rpc did not complete within 1s',
      'Killing: Container app failed startup probe, will be restarted',
    ]);
    const tcp = runPod({ ...container('app', 'sluggish:1'), livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 } }, 60 * SECOND);
    expect(unhealthy(tcp)).toEqual([]);
  });
});
