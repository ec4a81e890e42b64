// Init containers: one at a time, each to completion, before the app containers; a failed one
// restarted with the crash back-off, or failing the pod under restartPolicy Never.

import { describe, expect, it } from 'vitest';
import type { Container, PodStatus, RestartPolicy } from '../../../core/objects.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { podCells } from '../../../kinds/printers/pod-status.ts';
import { conditionOf, container, node, pod, runKubelet, SECOND, stateWith, statusLog } from './builders.ts';

const KEY = 'pod:default/web-abcde';
const images = imageCatalog({
  default: { pullMs: 0, startMs: SECOND },
  'init:ok': { runForMs: 5 * SECOND, exitCode: 0 },
  'init:fails': { crashAfterMs: 2 * SECOND, exitCode: 1 },
});

function run(initContainers: readonly Container[], restartPolicy: RestartPolicy, untilMs: number) {
  const subject = pod('web-abcde', { nodeName: 'node-1', restartPolicy, initContainers, containers: [container('app', 'nginx:1.27')] });
  return statusLog(runKubelet(kubelet(images), stateWith([node()], [subject]), [KEY], untilMs));
}

/** The kubectl STATUS of the last status at or before `atMs`. */
function printedAt(statuses: readonly { atMs: number; status: PodStatus }[], atMs: number, initContainers: readonly Container[]): string {
  const last = statuses.filter((entry) => entry.atMs <= atMs).at(-1);
  if (last === undefined) throw new Error(`no status by ${atMs}`);
  const subject = pod('web-abcde', { initContainers, status: last.status });
  return podCells(subject).status;
}

describe('kubelet: init containers in order', () => {
  const inits = [container('first', 'init:ok'), container('second', 'init:ok')];
  const statuses = run(inits, 'Always', 30 * SECOND);

  it('runs the first from 1s to 6s, the second from 7s to 12s, the app from 13s', () => {
    const last = statuses.at(-1)!.status;
    expect(last.initContainerStatuses?.map((status) => [status.state.terminated?.startedAt, status.state.terminated?.finishedAt])).toEqual([
      ['2025-01-01T00:00:01Z', '2025-01-01T00:00:06Z'],
      ['2025-01-01T00:00:07Z', '2025-01-01T00:00:12Z'],
    ]);
    expect(last.containerStatuses?.[0]?.state.running?.startedAt).toBe('2025-01-01T00:00:13Z');
  });

  it('shows Init:0/2, Init:1/2, PodInitializing, then Running, as kubectl prints it', () => {
    expect([0, 6, 12, 13].map((seconds) => printedAt(statuses, seconds * SECOND, inits))).toEqual(['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
  });

  it('keeps the pod Pending and Initialized False, naming the incomplete init containers, until they are done', () => {
    const early = statuses.find((entry) => entry.atMs === 6 * SECOND)!.status;
    expect([early.phase, conditionOf(early, 'Initialized')?.status, conditionOf(early, 'Initialized')?.message]).toEqual([
      'Pending',
      'False',
      'containers with incomplete status: [second]',
    ]);
    const done = statuses.find((entry) => entry.atMs === 12 * SECOND)!.status;
    expect(conditionOf(done, 'Initialized')?.status).toBe('True');
  });

  it('reports a completed init container ready, and never started again', () => {
    const last = statuses.at(-1)!.status;
    expect(last.initContainerStatuses?.map((status) => [status.ready, status.restartCount])).toEqual([
      [true, 0],
      [true, 0],
    ]);
  });
});

describe('kubelet: a failing init container', () => {
  const inits = [container('migrate', 'init:fails')];

  it('is restarted with the crash back-off under restartPolicy Always: Init:Error, then Init:CrashLoopBackOff', () => {
    const statuses = run(inits, 'Always', 40 * SECOND);
    expect([3, 7, 10].map((seconds) => printedAt(statuses, seconds * SECOND, inits))).toEqual(['Init:Error', 'Init:CrashLoopBackOff', 'Init:CrashLoopBackOff']);
    const last = statuses.at(-1)!.status;
    expect([last.phase, last.containerStatuses?.[0]?.state.waiting?.reason]).toEqual(['Pending', 'PodInitializing']);
  });

  it('fails the pod under restartPolicy Never, the app never started', () => {
    const statuses = run(inits, 'Never', 40 * SECOND);
    const last = statuses.at(-1)!.status;
    expect([last.phase, last.initContainerStatuses?.[0]?.restartCount, last.containerStatuses?.[0]?.state.waiting?.reason]).toEqual([
      'Failed',
      0,
      'PodInitializing',
    ]);
    expect(printedAt(statuses, 40 * SECOND, inits)).toBe('Init:Error');
  });

  it('restarts a failed init container under OnFailure too', () => {
    const statuses = run(inits, 'OnFailure', 10 * SECOND);
    expect(statuses.at(-1)!.status.initContainerStatuses?.[0]?.restartCount).toBe(1);
  });
});
