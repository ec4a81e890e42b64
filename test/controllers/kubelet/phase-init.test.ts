// Upstream's getPhase tables for init containers and sidecars (TestPodPhaseWithRestartAlways-
// InitContainers, TestPodPhaseWithRestartAlwaysRestartableInitContainers, TestPodPhaseWith-
// RestartAlwaysAndPodHasRun and TestPodPhaseWithRestartNeverInitContainers in
// pkg/kubelet/kubelet_pods_test.go): init container X (a sidecar where the table says so), app
// containers A and B, the statuses of both lists handed over as one.

import { describe, expect, it } from 'vitest';
import type { Container, ContainerStatus, PodPhase, PodSpec, RestartPolicy } from '../../../core/objects.ts';
import { podPhase } from '../../../controllers/kubelet/phase.ts';

const AT = '2025-01-01T00:00:10Z';
const base = (name: string) => ({ name, image: 'busybox', ready: false, restartCount: 0 });

const runningState = (name: string): ContainerStatus => ({ ...base(name), state: { running: { startedAt: AT } } });
const startedState = (name: string): ContainerStatus => ({ ...runningState(name), started: true });
const stoppedState = (name: string): ContainerStatus => ({ ...base(name), state: { terminated: { exitCode: 0, reason: '', finishedAt: AT } } });
const succeededState = stoppedState;
const failedState = (name: string): ContainerStatus => ({ ...base(name), state: { terminated: { exitCode: -1, reason: '', finishedAt: AT } } });
const waitingState = (name: string): ContainerStatus => ({ ...base(name), state: { waiting: { reason: '' } } });
const waitingWithLastTermination = (name: string): ContainerStatus => ({
  ...waitingState(name),
  lastState: { terminated: { exitCode: 0, reason: '', finishedAt: AT } },
});
const waitingWithNonZeroTermination = (name: string): ContainerStatus => ({
  ...waitingState(name),
  lastState: { terminated: { exitCode: -1, reason: '', finishedAt: AT } },
});

function spec(restartPolicy: RestartPolicy, inits: readonly Container[], apps = ['containerA', 'containerB']): PodSpec {
  return { initContainers: inits, containers: apps.map((name) => ({ name, image: 'busybox' })), restartPolicy };
}

const regularX: Container = { name: 'containerX', image: 'busybox' };
const sidecarX: Container = { name: 'containerX', image: 'busybox', restartPolicy: 'Always' };

/** podHasInitialized as the kubelet works it out: an app container has been created. */
function phaseOf(podSpec: PodSpec, inits: readonly ContainerStatus[], apps: readonly ContainerStatus[], podIsTerminal = false): PodPhase {
  const initialized = apps.some((status) => status.state.running !== undefined || status.state.terminated !== undefined);
  return podPhase(podSpec, [...inits, ...apps], podIsTerminal, initialized);
}

type Row = readonly [string, readonly ContainerStatus[], readonly ContainerStatus[], PodPhase];

describe('getPhase, restartPolicy Always, a regular init container', () => {
  const rows: readonly Row[] = [
    ['empty, waiting', [], [], 'Pending'],
    ['init container running', [runningState('containerX')], [], 'Pending'],
    ['init container terminated non-zero', [failedState('containerX')], [], 'Pending'],
    ['init container waiting, terminated zero', [waitingWithLastTermination('containerX')], [], 'Pending'],
    ['init container waiting, terminated non-zero', [waitingWithNonZeroTermination('containerX')], [], 'Pending'],
    ['init container waiting, not terminated', [waitingState('containerX')], [], 'Pending'],
    ['init container succeeded', [succeededState('containerX')], [runningState('containerA'), runningState('containerB')], 'Running'],
  ];
  it.each(rows)('%s', (_name, inits, apps, phase) => {
    expect(phaseOf(spec('Always', [regularX]), inits, apps)).toBe(phase);
  });
});

describe('getPhase, restartPolicy Always, a sidecar', () => {
  const rows: readonly (readonly [...Row, boolean])[] = [
    ['empty, waiting', [], [], 'Pending', false],
    ['restartable init container running', [runningState('containerX')], [], 'Pending', false],
    ['restartable init container stopped', [stoppedState('containerX')], [], 'Pending', false],
    ['restartable init container waiting, terminated zero', [waitingWithLastTermination('containerX')], [], 'Pending', false],
    ['restartable init container waiting, terminated non-zero', [waitingWithNonZeroTermination('containerX')], [], 'Pending', false],
    ['restartable init container waiting, not terminated', [waitingState('containerX')], [], 'Pending', false],
    ['restartable init container started, 1/2 regular container running', [startedState('containerX')], [runningState('containerA')], 'Pending', false],
    ['restartable init container started, all regular containers running', [startedState('containerX')], [runningState('containerA'), runningState('containerB')], 'Running', false],
    ['restartable init container running, all regular containers running', [runningState('containerX')], [runningState('containerA'), runningState('containerB')], 'Running', false],
    ['restartable init container stopped, all regular containers running', [stoppedState('containerX')], [runningState('containerA'), runningState('containerB')], 'Running', false],
    ['backoff crashloop restartable init container, all regular containers running', [waitingWithLastTermination('containerX')], [runningState('containerA'), runningState('containerB')], 'Running', false],
    ['all regular containers succeeded, the sidecar failed, the pod terminal', [failedState('containerX')], [succeededState('containerA'), succeededState('containerB')], 'Succeeded', true],
    ['all regular containers succeeded, the sidecar succeeded, the pod terminal', [succeededState('containerX')], [succeededState('containerA'), succeededState('containerB')], 'Succeeded', true],
  ];
  it.each(rows)('%s', (_name, inits, apps, phase, podIsTerminal) => {
    expect(phaseOf(spec('Always', [sidecarX]), inits, apps, podIsTerminal)).toBe(phase);
  });
});

describe('getPhase, restartPolicy Always, a regular init container and a sidecar, once the pod has run', () => {
  const podSpec = spec('Always', [regularX, { name: 'containerY', image: 'busybox', restartPolicy: 'Always' }], ['containerA']);
  const rows: readonly Row[] = [
    ['all running', [runningState('containerX'), runningState('containerY')], [runningState('containerA')], 'Pending'],
    ['the app stopped, both init containers running', [runningState('containerX'), runningState('containerY')], [stoppedState('containerA')], 'Pending'],
    ['the init container succeeded, the sidecar running, the app stopped', [succeededState('containerX'), runningState('containerY')], [stoppedState('containerA')], 'Running'],
    ['the init container succeeded, the sidecar and the app running', [succeededState('containerX'), runningState('containerY')], [runningState('containerA')], 'Running'],
  ];
  it.each(rows)('%s', (_name, inits, apps, phase) => {
    expect(phaseOf(podSpec, inits, apps)).toBe(phase);
  });
});

describe('getPhase, restartPolicy Never, a regular init container', () => {
  const rows: readonly Row[] = [
    ['empty, waiting', [], [], 'Pending'],
    ['init container running', [runningState('containerX')], [], 'Pending'],
    ['init container terminated non-zero', [failedState('containerX')], [], 'Failed'],
    ['init container waiting, terminated zero', [waitingWithLastTermination('containerX')], [], 'Pending'],
    ['init container waiting, terminated non-zero', [waitingWithNonZeroTermination('containerX')], [], 'Failed'],
    ['init container waiting, not terminated', [waitingState('containerX')], [], 'Pending'],
    ['init container succeeded', [succeededState('containerX')], [runningState('containerA'), runningState('containerB')], 'Running'],
  ];
  it.each(rows)('%s', (_name, inits, apps, phase) => {
    expect(phaseOf(spec('Never', [regularX]), inits, apps)).toBe(phase);
  });
});
