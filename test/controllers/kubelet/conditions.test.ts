// The kubelet's pod conditions with init containers, sidecars and readiness gates, as upstream's
// GeneratePodInitializedCondition, GenerateContainersReadyCondition and GeneratePodReadyCondition
// (pkg/kubelet/status/generate.go) write them.

import { describe, expect, it } from 'vitest';
import type { ContainerStatus, PodSpec } from '../../../core/objects.ts';
import { containersReady, initialized, podReady } from '../../../controllers/kubelet/conditions.ts';

const AT = '2025-01-01T00:00:10Z';
const status = (name: string, extra: Partial<ContainerStatus>): ContainerStatus => ({ name, image: 'x', ready: false, restartCount: 0, state: {}, ...extra });
const running = (name: string, extra: Partial<ContainerStatus> = {}) => status(name, { state: { running: { startedAt: AT } }, ...extra });
const done = (name: string) => status(name, { ready: true, state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: AT } } });

const spec: PodSpec = {
  initContainers: [
    { name: 'init', image: 'busybox' },
    { name: 'proxy', image: 'envoy', restartPolicy: 'Always' },
  ],
  containers: [{ name: 'app', image: 'nginx' }],
};

describe('Initialized', () => {
  it('is False while a regular init container is not done or a sidecar not started, naming them', () => {
    expect(initialized(spec, [running('init'), running('proxy', { started: false })], 'Pending')).toEqual({
      type: 'Initialized',
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [init proxy]',
    });
  });

  it('names init containers without a status as unknown', () => {
    expect(initialized(spec, [done('init')], 'Pending').message).toBe('containers with unknown status: [proxy]');
  });

  it('is True once the init container is done and the sidecar started', () => {
    expect(initialized(spec, [done('init'), running('proxy', { started: true })], 'Pending')).toEqual({ type: 'Initialized', status: 'True' });
  });

  it('stays True while a sidecar restarts after an app container has started', () => {
    expect(initialized(spec, [done('init'), status('proxy', { state: { waiting: { reason: 'CrashLoopBackOff' } } }), running('app')], 'Running').status).toBe('True');
  });

  it('says PodCompleted for a Succeeded pod', () => {
    expect(initialized(spec, [done('init'), done('proxy'), done('app')], 'Succeeded')).toEqual({ type: 'Initialized', status: 'True', reason: 'PodCompleted' });
  });
});

describe('ContainersReady and Ready', () => {
  it('count sidecars with the app containers', () => {
    expect(containersReady(spec, [done('init'), running('proxy', { started: true }), running('app', { ready: true })], 'Running')).toEqual({
      type: 'ContainersReady',
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [proxy]',
    });
  });

  it('Ready waits for every readiness gate condition to be True', () => {
    const gated: PodSpec = { ...spec, readinessGates: [{ conditionType: 'www.example.com/feature-1' }, { conditionType: 'www.example.com/feature-2' }] };
    const ready = { type: 'ContainersReady', status: 'True' as const };
    expect(podReady(gated, ready, [{ type: 'www.example.com/feature-1', status: 'False' }])).toEqual({
      type: 'Ready',
      status: 'False',
      reason: 'ReadinessGatesNotReady',
      message:
        'the status of pod readiness gate "www.example.com/feature-1" is not "True", but False, corresponding condition of pod readiness gate "www.example.com/feature-2" does not exist.',
    });
    expect(podReady(gated, ready, [{ type: 'www.example.com/feature-1', status: 'True' }, { type: 'www.example.com/feature-2', status: 'True' }])).toEqual({ type: 'Ready', status: 'True' });
  });
});
