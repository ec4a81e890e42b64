// CrashLoopBackOff: the waits between a container's exit and its restart, and how they reset.

import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../../core/objects.ts';
import { backoffMessage, backoffOfMessage } from '../../../controllers/kubelet/backoff.ts';
import { imageCatalog, type ImageSpec, kubelet } from '../../../controllers/kubelet/index.ts';
import { formatGoSeconds } from '../../../controllers/kubelet/ticks.ts';
import { toTimestamp } from '../../../core/clock.ts';
import {
  container,
  containerStatus,
  contextAt,
  MINUTE,
  node,
  pod,
  reportedStatus,
  type Run,
  runKubelet,
  SECOND,
  stateWith,
  statusLog,
  wakesOf,
} from './builders.ts';

const KEY = 'pod:default/web-abcde';

function crashing(spec: ImageSpec, untilMs: number): Run {
  const controller = kubelet(
    imageCatalog({ default: { pullMs: 0, startMs: 0, readyMs: 0 }, 'crashy:1.0': spec }),
  );
  const state = stateWith(
    [node()],
    [pod('web-abcde', { nodeName: 'node-1', containers: [container('app', 'crashy:1.0')] })],
  );
  return runKubelet(controller, state, [KEY], untilMs);
}

/** For each restart, how long after the previous exit the new instance ran, in seconds. */
function restartWaits(run: Run): number[] {
  const waits: number[] = [];
  let restarts = 0;
  for (const { status } of statusLog(run)) {
    const app = containerStatus(status);
    const startedAt = app.state.running?.startedAt;
    const finishedAt = app.lastState?.terminated?.finishedAt;
    if (startedAt === undefined || finishedAt === undefined || app.restartCount === restarts) continue;
    restarts = app.restartCount;
    waits.push((Date.parse(startedAt) - Date.parse(finishedAt)) / SECOND);
  }
  return waits;
}

describe('kubelet: CrashLoopBackOff', () => {
  it('restarts at once the first time, then waits 10s, doubling up to 5 minutes', () => {
    expect(restartWaits(crashing({ crashAfterMs: 10 * SECOND }, 17 * MINUTE))).toEqual([
      0, 10, 20, 40, 80, 160, 300, 300,
    ]);
  });

  it('counts the start time after the wait', () => {
    const controller = kubelet(
      imageCatalog({ 'crashy:1.0': { crashAfterMs: 10 * SECOND, startMs: 2 * SECOND } }),
    );
    const state = stateWith(
      [node()],
      [pod('web-abcde', { nodeName: 'node-1', containers: [container('app', 'crashy:1.0')] })],
    );
    expect(restartWaits(runKubelet(controller, state, [KEY], 3 * MINUTE))).toEqual([2, 12, 22, 42]);
  });

  it('shows the wait as upstream does, with the exit as lastState', () => {
    const waiting = statusLog(crashing({ crashAfterMs: 10 * SECOND }, 21 * SECOND)).at(-1)!.status;
    expect(containerStatus(waiting)).toMatchObject({
      ready: false,
      started: false,
      restartCount: 1,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: 'back-off 10s restarting failed container=app pod=web-abcde_default(uid-web-abcde)',
        },
      },
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          startedAt: '2025-01-01T00:00:10Z',
          finishedAt: '2025-01-01T00:00:20Z',
        },
      },
    });
  });

  it('keeps the pod Running while a container waits to restart', () => {
    expect(statusLog(crashing({ crashAfterMs: 10 * SECOND }, 21 * SECOND)).at(-1)!.status.phase).toBe(
      'Running',
    );
  });

  it('restarts at once, every time, a container that runs more than 10 minutes before it fails', () => {
    expect(restartWaits(crashing({ crashAfterMs: 11 * MINUTE }, 60 * MINUTE))).toEqual([0, 0, 0, 0, 0]);
  });

  it('starts over at 10s once housekeeping forgets an entry 10 minutes old', () => {
    // Each instance runs 400s; the 300s wait would end 700s after the last restart, but the entry
    // is forgotten at 601s, so that restart comes early and the next wait is 10s again.
    expect(restartWaits(crashing({ crashAfterMs: 400 * SECOND }, 70 * MINUTE))).toEqual([
      0, 10, 20, 40, 80, 160, 201, 10, 20,
    ]);
  });
});

describe('kubelet: back-off reset after a long run', () => {
  /** A kubelet of its own for each test: it remembers back-offs between syncs. */
  const freshKubelet = () =>
    kubelet(
      imageCatalog({
        default: { pullMs: 0, startMs: 0, readyMs: 0 },
        'crashy:1.0': { crashAfterMs: 11 * MINUTE },
      }),
    );

  /** A pod whose container runs since `startedMs`, restarted `restarts` times, the last time `waitedMs` after an exit. */
  function runningPod(startedMs: number, restarts: number, waitedMs: number): Pod {
    const app: ContainerStatus = {
      name: 'app',
      image: 'crashy:1.0',
      ready: true,
      started: true,
      restartCount: restarts,
      state: { running: { startedAt: toTimestamp(startedMs) } },
      lastState: {
        terminated: {
          exitCode: 1,
          reason: 'Error',
          startedAt: toTimestamp(0),
          finishedAt: toTimestamp(startedMs - waitedMs),
        },
      },
    };
    const status = { phase: 'Running' as const, startTime: toTimestamp(0), containerStatuses: [app] };
    return pod('web-abcde', { nodeName: 'node-1', containers: [container('app', 'crashy:1.0')], status });
  }

  it('restarts at once after a long run, even from a 5 minute back-off', () => {
    const state = stateWith([node()], [runningPod(1000 * SECOND, 7, 300 * SECOND)]);
    const effects = freshKubelet().reconcile(KEY, contextAt(state, 1660 * SECOND));
    const app = containerStatus(reportedStatus(effects));
    expect([app.restartCount, app.state.running?.startedAt, app.lastState?.terminated?.finishedAt]).toEqual([
      8,
      toTimestamp(1660 * SECOND),
      toTimestamp(1660 * SECOND),
    ]);
  });

  it('then sleeps until that instance ends', () => {
    const state = stateWith([node()], [runningPod(1000 * SECOND, 7, 300 * SECOND)]);
    expect(
      wakesOf(freshKubelet().reconcile(KEY, contextAt(state, 1660 * SECOND))).map((wake) => wake.atMs),
    ).toEqual([2320 * SECOND]);
  });

  it('waits 10s on the next exit after such a reset', () => {
    const shortLived = kubelet(imageCatalog({ 'crashy:1.0': { crashAfterMs: 30 * SECOND, startMs: 0 } }));
    const state = stateWith([node()], [runningPod(1000 * SECOND, 8, 0)]);
    const waiting = containerStatus(
      reportedStatus(shortLived.reconcile(KEY, contextAt(state, 1030 * SECOND))),
    );
    expect(waiting.state.waiting?.message).toMatch(/^back-off 10s /);
  });

  it('doubles a back-off that ran its full course', () => {
    const shortLived = kubelet(imageCatalog({ 'crashy:1.0': { crashAfterMs: 30 * SECOND, startMs: 0 } }));
    const state = stateWith([node()], [runningPod(1000 * SECOND, 8, 160 * SECOND)]);
    const waiting = containerStatus(
      reportedStatus(shortLived.reconcile(KEY, contextAt(state, 1030 * SECOND))),
    );
    expect(waiting.state.waiting?.message).toMatch(/^back-off 5m0s /);
  });
});

describe('back-off messages', () => {
  it.each([
    [10_000, '10s'],
    [80_000, '1m20s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
  ])('prints %i ms as Go prints durations: %s', (ms, text) => {
    expect(formatGoSeconds(ms)).toBe(text);
  });

  it('reads back the back-off it wrote', () => {
    expect(backoffOfMessage(backoffMessage(160_000, 'app', 'web_default(uid)'))).toBe(160_000);
  });

  it('falls back to 10s for a message it did not write', () => {
    expect(backoffOfMessage('something else')).toBe(10_000);
  });
});
