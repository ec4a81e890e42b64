// kubectl get pods with init containers and sidecars: the rows of upstream's TestPrintPod (test7 to
// test11) and TestPrintPodWithRestartableInitContainer (pkg/printers/internalversion/
// printers_test.go), their cells and figures as upstream has them. Upstream measures "10s ago"
// from time.Now(); here from the printing time.

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import type { Condition, Container, ContainerState, ContainerStatus, Pod, PodPhase } from '../../../core/objects.ts';
import { podRow } from '../../../kinds/printers/pods.ts';

const NOW_MS = 1_000_000;
const agoMs = (ms: number) => toTimestamp(NOW_MS - ms);

function status(name: string, state: ContainerState, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, image: '', ready: false, restartCount: 0, state, ...extra };
}

const running: ContainerState = { running: { startedAt: agoMs(60_000) } };
const waiting: ContainerState = { waiting: { reason: '' } };
const exitedAgo = (ms: number): ContainerState => ({ terminated: { exitCode: 0, reason: '', finishedAt: agoMs(ms) } });

function pod(
  name: string,
  phase: PodPhase | string,
  inits: readonly Container[],
  initStatuses: readonly ContainerStatus[],
  appStatuses: readonly ContainerStatus[],
  conditions: readonly Condition[] = [],
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, creationTimestamp: toTimestamp(0) },
    spec: { initContainers: inits, containers: appStatuses.map((_, index) => ({ name: `c${index}`, image: '' })) },
    status: { phase: phase as PodPhase, initContainerStatuses: initStatuses, containerStatuses: appStatuses, conditions },
  };
}

/** NAME, READY, STATUS, RESTARTS, as printPod writes them. */
const cells = (subject: Pod) => podRow(subject, NOW_MS, false).slice(0, 4);

const plain = (count: number): Container[] => Array.from({ length: count }, () => ({ name: '', image: '' }));
const sidecar = (name: string): Container => ({ name, image: '', restartPolicy: 'Always' });
const initialized = (value: 'True' | 'False'): Condition[] => [{ type: 'Initialized', status: value }];

describe('printPod with init containers (TestPrintPod test7 to test11)', () => {
  it('test7: one init container restarting, shown as Init:0/1 with its restarts', () => {
    const subject = pod('test7', 'podPhase', plain(1), [status('', running, { restartCount: 3, lastState: exitedAgo(10_000) })], [status('', waiting)]);
    expect(cells(subject)).toEqual(['test7', '0/1', 'Init:0/1', '3 (10s ago)']);
  });

  it('test8: the first of two init containers restarting', () => {
    const subject = pod(
      'test8',
      'podPhase',
      plain(2),
      [status('', running, { restartCount: 3, lastState: exitedAgo(10_000) }), status('', waiting)],
      [status('', waiting)],
    );
    expect(cells(subject)).toEqual(['test8', '0/1', 'Init:0/2', '3 (10s ago)']);
  });

  it('test9: the first completed, the second restarting', () => {
    const subject = pod(
      'test9',
      'podPhase',
      plain(2),
      [status('', { terminated: { exitCode: 0, reason: '', finishedAt: agoMs(30_000) } }), status('', running, { restartCount: 3, lastState: exitedAgo(10_000) })],
      [status('', waiting)],
    );
    expect(cells(subject)).toEqual(['test9', '0/1', 'Init:1/2', '3 (10s ago)']);
  });

  it('test10: restarts of both init containers add up', () => {
    const subject = pod(
      'test10',
      'podPhase',
      plain(2),
      [
        status('', { terminated: { exitCode: 0, reason: '', finishedAt: agoMs(60_000) } }, { restartCount: 2, lastState: exitedAgo(120_000) }),
        status('', running, { restartCount: 3, lastState: exitedAgo(10_000) }),
      ],
      [status('', waiting)],
    );
    expect(cells(subject)).toEqual(['test10', '0/1', 'Init:1/2', '5 (10s ago)']);
  });

  it('test11: once initialized, only the app containers restarts count', () => {
    const subject = pod(
      'test11',
      'Running',
      plain(1),
      [status('', { terminated: { exitCode: 0, reason: '', finishedAt: agoMs(60_000) } }, { restartCount: 2, lastState: exitedAgo(120_000) })],
      [status('', running, { restartCount: 4, lastState: exitedAgo(20_000) })],
    );
    expect(cells(subject)).toEqual(['test11', '0/1', 'Running', '4 (20s ago)']);
  });
});

describe('printPod with restartable init containers (TestPrintPodWithRestartableInitContainer)', () => {
  const sidecars = [sidecar('restartable-init-1'), sidecar('restartable-init-2')];

  it('the first sidecar running but not started: Init:0/2, the sidecars counted in READY', () => {
    const subject = pod(
      'test1',
      'Pending',
      sidecars,
      [
        status('restartable-init-1', running, { restartCount: 3, started: false, lastState: exitedAgo(10_000) }),
        status('restartable-init-2', waiting, { started: false }),
      ],
      [status('c0', waiting)],
      initialized('False'),
    );
    expect(cells(subject)).toEqual(['test1', '0/3', 'Init:0/2', '3 (10s ago)']);
  });

  it('the first started, the second running but not started: Init:1/2', () => {
    const subject = pod(
      'test1',
      'Pending',
      sidecars,
      [
        status('restartable-init-1', running, { restartCount: 3, started: true, lastState: exitedAgo(10_000) }),
        status('restartable-init-2', running, { started: false }),
      ],
      [status('c0', waiting)],
      initialized('False'),
    );
    expect(cells(subject)).toEqual(['test1', '0/3', 'Init:1/2', '3 (10s ago)']);
  });

  it('both started and the app running: sidecar and app restarts add up', () => {
    const subject = pod(
      'test2',
      'Running',
      sidecars,
      [
        status('restartable-init-1', running, { restartCount: 3, started: true, lastState: exitedAgo(10_000) }),
        status('restartable-init-2', running, { started: true }),
      ],
      [status('c0', running, { ready: true, restartCount: 4, lastState: exitedAgo(20_000) })],
      initialized('True'),
    );
    expect(cells(subject)).toEqual(['test2', '1/3', 'Running', '7 (10s ago)']);
  });

  it('sidecars exited 137 after the app completed: Completed', () => {
    const killed: ContainerState = { terminated: { exitCode: 137, reason: 'Error', finishedAt: agoMs(5_000) } };
    const subject = pod(
      'test3',
      'Succeeded',
      sidecars,
      [
        status('restartable-init-1', killed, { restartCount: 3, started: false, lastState: exitedAgo(10_000) }),
        status('restartable-init-2', killed, { started: false }),
      ],
      [status('c0', { terminated: { exitCode: 0, reason: 'Completed', finishedAt: agoMs(6_000) } }, { restartCount: 4, lastState: exitedAgo(20_000) })],
      initialized('True'),
    );
    expect(cells(subject)).toEqual(['test3', '0/3', 'Completed', '7 (10s ago)']);
  });

  it('statuses of containers the spec does not have: Init:0/2', () => {
    const subject: Pod = {
      ...pod('test4', 'Running', [{ name: 'init1', image: 'initimage' }, sidecar('sidecar1')], [status('initinvalid', {}), status('init1', {}), status('sidecar1', {})], [status('containerinvalid', {}), status('container1', {})]),
    };
    const withOneContainer: Pod = { ...subject, spec: { ...subject.spec, containers: [{ name: 'container1', image: 'containerimage' }] } };
    expect(cells(withOneContainer)).toEqual(['test4', '0/2', 'Init:0/2', '0']);
  });
});
