// What happens when a container ends on its own, for each restart policy.

import { describe, expect, it } from 'vitest';
import type { PodStatus, RestartPolicy } from '../../../core/objects.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import {
  conditionOf,
  container,
  containerStatus,
  node,
  pod,
  runKubelet,
  SECOND,
  stateWith,
  statusLog,
} from './builders.ts';

const images = imageCatalog({
  default: { pullMs: 0, startMs: 1000, readyMs: 0 },
  'batch:1.0': { runForMs: 30_000, exitCode: 0 },
  'crashy:1.0': { crashAfterMs: 10_000, exitCode: 1 },
});
/** A kubelet of its own for each run: it remembers images and back-offs between syncs. */
const freshKubelet = () => kubelet(images);

/** Every status the kubelet reported for one pod of `image` until `untilMs`. */
function statuses(
  image: string,
  restartPolicy: RestartPolicy,
  untilMs: number,
): { atMs: number; status: PodStatus }[] {
  const state = stateWith(
    [node()],
    [pod('job-abcde', { nodeName: 'node-1', restartPolicy, containers: [container('app', image)] })],
  );
  return statusLog(runKubelet(freshKubelet(), state, ['pod:default/job-abcde'], untilMs));
}

function last(image: string, restartPolicy: RestartPolicy, untilMs: number): PodStatus {
  return statuses(image, restartPolicy, untilMs).at(-1)!.status;
}

describe('kubelet: a container that exits 0', () => {
  it('ends with reason Completed and its run times', () => {
    expect(containerStatus(last('batch:1.0', 'Never', 60 * SECOND)).state).toEqual({
      terminated: {
        exitCode: 0,
        reason: 'Completed',
        startedAt: '2025-01-01T00:00:01Z',
        finishedAt: '2025-01-01T00:00:31Z',
      },
    });
  });

  it('makes the pod Succeeded under restart Never', () => {
    expect(last('batch:1.0', 'Never', 60 * SECOND).phase).toBe('Succeeded');
  });

  it('makes the pod Succeeded under restart OnFailure, without a restart', () => {
    const status = last('batch:1.0', 'OnFailure', 5 * 60 * SECOND);
    expect([status.phase, containerStatus(status).restartCount]).toEqual(['Succeeded', 0]);
  });

  it('reports a Succeeded pod as completed and its sandbox as gone', () => {
    const status = last('batch:1.0', 'Never', 60 * SECOND);
    const brief = (type: string) => {
      const condition = conditionOf(status, type);
      return [condition?.status, condition?.reason];
    };
    expect([
      brief('PodReadyToStartContainers'),
      brief('Initialized'),
      brief('Ready'),
      brief('ContainersReady'),
    ]).toEqual([
      ['False', undefined],
      ['True', 'PodCompleted'],
      ['False', 'PodCompleted'],
      ['False', 'PodCompleted'],
    ]);
  });

  it('is restarted at once under restart Always, the pod staying Running', () => {
    const status = last('batch:1.0', 'Always', 40 * SECOND);
    expect([
      status.phase,
      containerStatus(status).restartCount,
      containerStatus(status).state.running?.startedAt,
    ]).toEqual(['Running', 1, '2025-01-01T00:00:32Z']);
  });

  it('keeps the exit as lastState after the restart', () => {
    expect(containerStatus(last('batch:1.0', 'Always', 40 * SECOND)).lastState).toEqual({
      terminated: {
        exitCode: 0,
        reason: 'Completed',
        startedAt: '2025-01-01T00:00:01Z',
        finishedAt: '2025-01-01T00:00:31Z',
      },
    });
  });

  it('reports the exit itself while the restart is under way', () => {
    const atExit = statuses('batch:1.0', 'Always', 40 * SECOND).find(({ atMs }) => atMs === 31 * SECOND);
    expect(containerStatus(atExit!.status).state.terminated?.reason).toBe('Completed');
  });
});

describe('kubelet: a container that fails', () => {
  it('ends with reason Error and its exit code', () => {
    expect(containerStatus(last('crashy:1.0', 'Never', 60 * SECOND)).state.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    });
  });

  it('makes the pod Failed under restart Never, both readiness conditions saying PodFailed', () => {
    const status = last('crashy:1.0', 'Never', 60 * SECOND);
    expect([
      status.phase,
      conditionOf(status, 'Ready')?.reason,
      conditionOf(status, 'ContainersReady')?.reason,
    ]).toEqual(['Failed', 'PodFailed', 'PodFailed']);
  });

  it('is restarted under restart OnFailure, the pod staying Running', () => {
    const status = last('crashy:1.0', 'OnFailure', 12 * SECOND);
    expect([status.phase, containerStatus(status).restartCount]).toEqual(['Running', 1]);
  });

  it('is restarted under restart Always', () => {
    expect(containerStatus(last('crashy:1.0', 'Always', 12 * SECOND)).restartCount).toBe(1);
  });

  it('reports nothing further once the pod has failed', () => {
    const all = statuses('crashy:1.0', 'Never', 30 * 60 * SECOND);
    expect(all.at(-1)?.atMs).toBe(11 * SECOND);
  });
});
