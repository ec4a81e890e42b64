// Graceful termination: containers get SIGTERM when the deletion is requested, stop after their
// stop time or are killed at the end of the grace period, and the kubelet then deletes the pod.

import { describe, expect, it } from 'vitest';
import type { Command } from '../../../core/commands.ts';
import type { EventBody } from '../../../core/events.ts';
import type { PodPhase } from '../../../core/objects.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import {
  apply,
  commandsOf,
  container,
  containerStatus,
  contextAt,
  node,
  pod,
  type Run,
  runKubelet,
  SECOND,
  stateWith,
  statusLog,
} from './builders.ts';

const KEY = 'pod:default/web-abcde';

function deletion(gracePeriodSeconds: number): EventBody {
  return { type: 'pod/deletionRequested', namespace: 'default', name: 'web-abcde', gracePeriodSeconds };
}

/** A pod running `image` (started at 1s, ready at once) whose deletion is requested at `deleteAtMs`. */
function deleted(stopMs: number, grace: number, deleteAtMs = 10 * SECOND, image = 'nginx'): Run {
  const controller = kubelet(imageCatalog({ default: { stopMs }, 'slow:1.0': { pullMs: 60 * SECOND } }));
  const state = stateWith(
    [node()],
    [pod('web-abcde', { nodeName: 'node-1', containers: [container('app', image)] })],
  );
  return runKubelet(controller, state, [KEY], 5 * 60 * SECOND, [
    { atMs: deleteAtMs, event: deletion(grace) },
  ]);
}

function finalPhase(run: Run): PodPhase | undefined {
  return statusLog(run).at(-1)?.status.phase;
}

describe('kubelet: graceful termination', () => {
  it('stops a container when it exits after SIGTERM, reason Completed', () => {
    const stopped = containerStatus(statusLog(deleted(5 * SECOND, 30)).at(-1)!.status);
    expect(stopped.state.terminated).toEqual({
      exitCode: 0,
      reason: 'Completed',
      startedAt: '2025-01-01T00:00:01Z',
      finishedAt: '2025-01-01T00:00:15Z',
    });
  });

  it('makes the pod Succeeded when every container stopped cleanly', () => {
    expect(finalPhase(deleted(5 * SECOND, 30))).toBe('Succeeded');
  });

  it('kills a container that outlives the grace period: exit 137, reason Error, pod Failed', () => {
    const run = deleted(60 * SECOND, 30);
    const last = statusLog(run).at(-1)!;
    expect([
      last.atMs,
      containerStatus(last.status).state.terminated?.exitCode,
      containerStatus(last.status).state.terminated?.reason,
      last.status.phase,
    ]).toEqual([40 * SECOND, 137, 'Error', 'Failed']);
  });

  it('then deletes the pod with grace period 0 and its uid as precondition', () => {
    const run = deleted(5 * SECOND, 30);
    const deletes = run.log.filter(({ command }) => command.type === 'delete');
    expect(deletes).toEqual([
      {
        atMs: 15 * SECOND,
        command: {
          type: 'delete',
          actor: 'kubelet/node-1',
          kind: 'Pod',
          namespace: 'default',
          name: 'web-abcde',
          gracePeriodSeconds: 0,
          uid: 'uid-web-abcde',
        },
      },
    ]);
  });

  it('leaves no pod behind', () => {
    expect(deleted(5 * SECOND, 30).state.pods.size).toBe(0);
  });

  it('reports nothing while the container is still stopping', () => {
    const times = statusLog(deleted(5 * SECOND, 30)).map(({ atMs }) => atMs);
    expect(times.filter((atMs) => atMs > 10 * SECOND)).toEqual([15 * SECOND]);
  });

  it('never starts a container whose start would come after the deletion', () => {
    const run = deleted(0, 30, 10 * SECOND, 'slow:1.0');
    expect(statusLog(run).every(({ status }) => containerStatus(status).state.running === undefined)).toBe(
      true,
    );
  });

  it('reports a container that never ran as lost, failing the pod', () => {
    const last = statusLog(deleted(0, 30, 10 * SECOND, 'slow:1.0')).at(-1)!.status;
    expect([containerStatus(last).state.terminated, last.phase]).toEqual([
      {
        exitCode: 137,
        reason: 'ContainerStatusUnknown',
        message: 'The container could not be located when the pod was terminated',
        finishedAt: '2025-01-01T00:00:10Z',
      },
      'Failed',
    ]);
  });

  it('does not restart a container that exits while the pod terminates', () => {
    const controller = kubelet(
      imageCatalog({ 'crashy:1.0': { crashAfterMs: 5 * SECOND, stopMs: 60 * SECOND } }),
    );
    const state = stateWith(
      [node()],
      [pod('web-abcde', { nodeName: 'node-1', containers: [container('app', 'crashy:1.0')] })],
    );
    const run = runKubelet(controller, state, [KEY], 60 * SECOND, [
      { atMs: 3 * SECOND, event: deletion(30) },
    ]);
    const last = statusLog(run).at(-1)!.status;
    expect([
      containerStatus(last).restartCount,
      containerStatus(last).state.terminated?.exitCode,
      last.phase,
    ]).toEqual([0, 1, 'Failed']);
  });

  it('deletes a pod that already finished at once, without reporting', () => {
    const done = pod('web-abcde', {
      nodeName: 'node-1',
      status: { phase: 'Succeeded', startTime: '2025-01-01T00:00:00Z' },
    });
    const state = apply(stateWith([node()], [done]), deletion(30));
    const commands: Command[] = commandsOf(
      kubelet(imageCatalog()).reconcile(KEY, contextAt(state, 20 * SECOND)),
    );
    expect(commands.map((command) => command.type)).toEqual(['delete']);
  });

  it('does nothing more for a finished pod nobody deletes', () => {
    const done = pod('web-abcde', {
      nodeName: 'node-1',
      status: { phase: 'Failed', startTime: '2025-01-01T00:00:00Z' },
    });
    expect(
      kubelet(imageCatalog()).reconcile(KEY, contextAt(stateWith([node()], [done]), 20 * SECOND)),
    ).toEqual([]);
  });
});
