import { describe, expect, it } from 'vitest';
import { podCells } from '../../kinds/printers/pod-status.ts';
import { podRow } from '../../kinds/printers/pods.ts';
import { fromTimestamp, toTimestamp } from '../../core/clock.ts';
import type { Container, ContainerStatus, Pod, PodStatus } from '../../core/objects.ts';
import { podObject, runningStatus } from '../replay/builders.ts';

function withStatus(status: PodStatus, changes: Partial<Pod> = {}): Pod {
  return { ...podObject('web'), status, ...changes };
}

function container(partial: Partial<ContainerStatus>): ContainerStatus {
  return { name: 'web', image: 'nginx', ready: false, restartCount: 0, state: {}, ...partial };
}

function withInit(
  pod: Pod,
  initContainers: readonly Container[],
  initStatuses: readonly ContainerStatus[],
  extra: Partial<PodStatus> = {},
): Pod {
  const status = { ...pod.status, ...extra, initContainerStatuses: initStatuses } as PodStatus;
  return { ...pod, spec: { ...pod.spec, initContainers }, status };
}

const init = (name: string, restartPolicy?: string): Container => ({
  name,
  image: 'busybox',
  ...(restartPolicy ? { restartPolicy } : {}),
});
const pending: PodStatus = {
  phase: 'Pending',
  containerStatuses: [container({ state: { waiting: { reason: 'PodInitializing' } } })],
};

describe('kubectl pod status', () => {
  it('is the phase when no container says more', () => {
    expect(podCells(withStatus({ phase: 'Pending' }))).toEqual({
      ready: '0/1',
      status: 'Pending',
      restarts: 0,
    });
  });

  it('is the reason a container waits for', () => {
    const status: PodStatus = {
      phase: 'Pending',
      containerStatuses: [container({ state: { waiting: { reason: 'ContainerCreating' } } })],
    };
    expect(podCells(withStatus(status)).status).toBe('ContainerCreating');
  });

  it('counts ready running containers', () => {
    expect(podCells(withStatus(runningStatus(0)))).toEqual({ ready: '1/1', status: 'Running', restarts: 0 });
  });

  it('is the reason a container terminated with', () => {
    const status: PodStatus = {
      phase: 'Failed',
      containerStatuses: [
        container({
          state: { terminated: { exitCode: 137, reason: 'OOMKilled', finishedAt: toTimestamp(0) } },
        }),
      ],
    };
    expect(podCells(withStatus(status)).status).toBe('OOMKilled');
  });

  it('gives the exit code when a terminated container has no reason', () => {
    const status: PodStatus = {
      phase: 'Failed',
      containerStatuses: [
        container({ state: { terminated: { exitCode: 2, reason: '', finishedAt: toTimestamp(0) } } }),
      ],
    };
    expect(podCells(withStatus(status)).status).toBe('ExitCode:2');
  });

  it('is Running again when one container completed and another still runs ready', () => {
    const status: PodStatus = {
      ...runningStatus(0),
      containerStatuses: [
        container({ name: 'a', ready: true, state: { running: { startedAt: toTimestamp(0) } } }),
        container({
          name: 'b',
          state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: toTimestamp(0) } },
        }),
      ],
    };
    expect(podCells(withStatus(status))).toMatchObject({ status: 'Running', ready: '1/1' });
  });

  it('is NotReady when a container completed, another runs, and the pod is not ready', () => {
    const base = runningStatus(0);
    const status: PodStatus = {
      ...base,
      conditions: (base.conditions ?? []).map((condition) =>
        condition.type === 'Ready' ? { ...condition, status: 'False' as const } : condition,
      ),
      containerStatuses: [
        container({ name: 'a', ready: true, state: { running: { startedAt: toTimestamp(0) } } }),
        container({
          name: 'b',
          state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: toTimestamp(0) } },
        }),
      ],
    };
    expect(podCells(withStatus(status)).status).toBe('NotReady');
  });

  it('sums restarts and remembers when a container last stopped', () => {
    const status = runningStatus(0, [
      {
        restartCount: 3,
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: toTimestamp(555_000) } },
      },
    ]);
    expect(podCells(withStatus(status))).toMatchObject({
      restarts: 3,
      lastRestartMs: fromTimestamp(toTimestamp(555_000)),
    });
  });

  it('prints restarts with how long ago the last one was', () => {
    const status = runningStatus(0, [
      {
        restartCount: 3,
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: toTimestamp(555_000) } },
      },
    ]);
    expect(podRow(withStatus(status), 600_000, false)[3]).toBe('3 (45s ago)');
  });

  it('is Terminating once deletion was asked for', () => {
    const pod = withStatus(runningStatus(0));
    expect(
      podCells({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: toTimestamp(30_000) } }).status,
    ).toBe('Terminating');
  });

  it('is not Terminating for a pod that already finished', () => {
    const pod = withStatus({ phase: 'Succeeded' });
    expect(
      podCells({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: toTimestamp(30_000) } }).status,
    ).toBe('Succeeded');
  });

  it('is Unknown for a deleted pod on a lost node', () => {
    const pod = withStatus({ ...runningStatus(0), reason: 'NodeLost' });
    expect(
      podCells({ ...pod, metadata: { ...pod.metadata, deletionTimestamp: toTimestamp(30_000) } }).status,
    ).toBe('Unknown');
  });

  it('is SchedulingGated while a scheduling gate holds the pod', () => {
    const status: PodStatus = {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
    };
    expect(podCells(withStatus(status)).status).toBe('SchedulingGated');
  });

  it('counts init containers done so far', () => {
    const pod = withInit(
      withStatus(pending),
      [init('a'), init('b')],
      [
        container({
          name: 'a',
          state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: toTimestamp(0) } },
        }),
        container({ name: 'b', state: { running: { startedAt: toTimestamp(0) } } }),
      ],
    );
    expect(podCells(pod).status).toBe('Init:1/2');
  });

  it('gives the reason an init container waits for', () => {
    const pod = withInit(
      withStatus(pending),
      [init('a')],
      [container({ name: 'a', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } })],
    );
    expect(podCells(pod)).toMatchObject({ status: 'Init:CrashLoopBackOff', restarts: 2 });
  });

  it('gives the reason an init container failed with', () => {
    const pod = withInit(
      withStatus(pending),
      [init('a')],
      [
        container({
          name: 'a',
          state: { terminated: { exitCode: 1, reason: 'Error', finishedAt: toTimestamp(0) } },
        }),
      ],
    );
    expect(podCells(pod).status).toBe('Init:Error');
  });

  it('counts a started sidecar among the containers and its readiness', () => {
    const pod = withInit(
      withStatus(runningStatus(0)),
      [init('proxy', 'Always')],
      [
        container({
          name: 'proxy',
          started: true,
          ready: true,
          state: { running: { startedAt: toTimestamp(0) } },
        }),
      ],
      {
        conditions: runningStatus(0).conditions,
      },
    );
    expect(podCells(pod)).toMatchObject({ ready: '2/2', status: 'Running' });
  });
});
