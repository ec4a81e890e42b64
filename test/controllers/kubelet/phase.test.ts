// Upstream's getPhase tables (TestPodPhaseWithRestartAlways, TestPodPhaseWithRestartNever and
// TestPodPhaseWithRestartOnFailure in pkg/kubelet/kubelet_pods_test.go), with two containers A and B.

import { describe, expect, it } from 'vitest';
import type { ContainerStatus, PodPhase, PodSpec, RestartPolicy } from '../../../core/objects.ts';
import { podPhase } from '../../../controllers/kubelet/phase.ts';

const FINISHED = '2025-01-01T00:00:10Z';

function base(name: string): Omit<ContainerStatus, 'state'> {
  return { name, image: 'nginx', ready: false, restartCount: 0 };
}

const running = (name: string): ContainerStatus => ({
  ...base(name),
  state: { running: { startedAt: FINISHED } },
});
const waiting = (name: string): ContainerStatus => ({
  ...base(name),
  state: { waiting: { reason: 'ContainerCreating' } },
});
const succeeded = (name: string): ContainerStatus => ({
  ...base(name),
  state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: FINISHED } },
});
const failed = (name: string): ContainerStatus => ({
  ...base(name),
  state: { terminated: { exitCode: -1, reason: 'Error', finishedAt: FINISHED } },
});
const waitingWithLastTermination = (name: string): ContainerStatus => ({
  ...base(name),
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: FINISHED } },
});

function spec(restartPolicy: RestartPolicy): PodSpec {
  return {
    containers: [
      { name: 'containerA', image: 'nginx' },
      { name: 'containerB', image: 'nginx' },
    ],
    restartPolicy,
  };
}

type Row = readonly [string, readonly ContainerStatus[] | undefined, PodPhase];

const always: readonly Row[] = [
  ['waiting', undefined, 'Pending'],
  ['all running', [running('containerA'), running('containerB')], 'Running'],
  ['all stopped with restart always', [succeeded('containerA'), failed('containerB')], 'Running'],
  ['mixed state #1 with restart always', [running('containerA'), succeeded('containerB')], 'Running'],
  ['mixed state #2 with restart always', [running('containerA')], 'Pending'],
  ['mixed state #3 with restart always', [running('containerA'), waiting('containerB')], 'Pending'],
  [
    'backoff crashloop container with restart always',
    [running('containerA'), waitingWithLastTermination('containerB')],
    'Running',
  ],
];

const never: readonly Row[] = [
  ['waiting', undefined, 'Pending'],
  ['all running with restart never', [running('containerA'), running('containerB')], 'Running'],
  ['all succeeded with restart never', [succeeded('containerA'), succeeded('containerB')], 'Succeeded'],
  ['all failed with restart never', [failed('containerA'), failed('containerB')], 'Failed'],
  ['mixed state #1 with restart never', [running('containerA'), succeeded('containerB')], 'Running'],
  ['mixed state #2 with restart never', [running('containerA')], 'Pending'],
  ['mixed state #3 with restart never', [running('containerA'), waiting('containerB')], 'Pending'],
];

const onFailure: readonly Row[] = [
  ['waiting', undefined, 'Pending'],
  ['all running with restart onfailure', [running('containerA'), running('containerB')], 'Running'],
  ['all succeeded with restart onfailure', [succeeded('containerA'), succeeded('containerB')], 'Succeeded'],
  ['all failed with restart onfailure', [failed('containerA'), failed('containerB')], 'Running'],
  ['mixed state #1 with restart onfailure', [running('containerA'), succeeded('containerB')], 'Running'],
  ['mixed state #2 with restart onfailure', [running('containerA')], 'Pending'],
  ['mixed state #3 with restart onfailure', [running('containerA'), waiting('containerB')], 'Pending'],
  [
    'backoff crashloop container with restart onfailure',
    [running('containerA'), waitingWithLastTermination('containerB')],
    'Running',
  ],
];

describe('podPhase (upstream getPhase)', () => {
  it.each(always)('restart Always: %s', (_name, statuses, phase) => {
    expect(podPhase(spec('Always'), statuses, false)).toBe(phase);
  });

  it.each(never)('restart Never: %s', (_name, statuses, phase) => {
    expect(podPhase(spec('Never'), statuses, false)).toBe(phase);
  });

  it.each(onFailure)('restart OnFailure: %s', (_name, statuses, phase) => {
    expect(podPhase(spec('OnFailure'), statuses, false)).toBe(phase);
  });

  it('treats a missing restart policy as Always', () => {
    const { restartPolicy: _omitted, ...noPolicy } = spec('Always');
    expect(podPhase(noPolicy, [succeeded('containerA'), succeeded('containerB')], false)).toBe('Running');
  });

  it('makes a terminal pod Succeeded when every container exited 0, whatever the restart policy', () => {
    expect(podPhase(spec('Always'), [succeeded('containerA'), succeeded('containerB')], true)).toBe(
      'Succeeded',
    );
  });

  it('makes a terminal pod Failed when a container failed, even with restart OnFailure', () => {
    expect(podPhase(spec('OnFailure'), [succeeded('containerA'), failed('containerB')], true)).toBe('Failed');
  });

  it('keeps a terminal pod Running while a container still runs', () => {
    expect(podPhase(spec('Always'), [running('containerA'), succeeded('containerB')], true)).toBe('Running');
  });
});
