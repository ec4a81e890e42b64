import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../reducers/invariants.ts';
import { UNSCHEDULED } from '../../reducers/state.ts';
import { ApiHarness, nodeManifest, podManifest } from '../support/api-harness.ts';

function clusterWithPod() {
  const api = new ApiHarness();
  api.apply(nodeManifest('node-1'));
  api.apply(podManifest('web', { cpu: '500m', memory: '1Gi' }));
  return api;
}

describe('pod reducer', () => {
  it('stores a created pod with resourceVersion equal to its revision and indexes it as unscheduled', () => {
    const api = clusterWithPod();
    const pod = api.state.pods.get('default/web');
    expect(pod?.metadata.resourceVersion).toBe(String(api.state.rev));
    expect(api.state.indexes.unscheduledPods.members(UNSCHEDULED)).toEqual(['default/web']);
  });

  it('moves a bound pod to its node and adds its requests to the node', () => {
    const api = clusterWithPod();
    api.run({ type: 'bindPod', actor: 'kube-scheduler', namespace: 'default', name: 'web', nodeName: 'node-1' });
    expect(api.state.pods.get('default/web')?.spec.nodeName).toBe('node-1');
    expect(api.state.indexes.podsByNode.members('node-1')).toEqual(['default/web']);
    expect(api.state.indexes.unscheduledPods.count(UNSCHEDULED)).toBe(0);
    expect(api.state.indexes.nodeUsage.get('node-1')).toMatchObject({ cpuMilli: 500, memoryBytes: 2 ** 30, pods: 1 });
    const scheduled = api.state.pods.get('default/web')?.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(scheduled?.status).toBe('True');
  });

  it('frees a node when its pod turns terminal, and drops every index when the pod is removed', () => {
    const api = clusterWithPod();
    api.run({ type: 'bindPod', actor: 'kube-scheduler', namespace: 'default', name: 'web', nodeName: 'node-1' });
    api.run({ type: 'updatePodStatus', actor: 'kubelet/node-1', namespace: 'default', name: 'web', status: { phase: 'Succeeded' } });
    expect(api.state.indexes.nodeUsage.get('node-1')?.pods).toBe(0);
    api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'web' });
    expect(api.state.pods.has('default/web')).toBe(false);
    expect(api.state.indexes.podsByNode.count('node-1')).toBe(0);
    expect(api.state.indexes.podRequests.has('default/web')).toBe(false);
    expect(checkInvariants(api.state, { deep: true })).toEqual([]);
  });

  it('keeps lastTransitionTime when a scheduling failure repeats with the same status', () => {
    const api = clusterWithPod();
    api.run({ type: 'reportSchedulingFailure', actor: 'kube-scheduler', namespace: 'default', name: 'web', reason: 'Unschedulable', message: 'a' }, 1000);
    api.run({ type: 'reportSchedulingFailure', actor: 'kube-scheduler', namespace: 'default', name: 'web', reason: 'Unschedulable', message: 'b' }, 5000);
    const condition = api.state.pods.get('default/web')?.status.conditions?.find((c) => c.type === 'PodScheduled');
    expect(condition).toMatchObject({ status: 'False', message: 'b', lastTransitionTime: '2025-01-01T00:00:01Z' });
  });

  it('returns the same state slices for a rejected request', () => {
    const api = clusterWithPod();
    const before = api.state;
    const events = api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'missing' });
    expect(events.map((event) => event.type)).toEqual(['request/rejected']);
    expect(api.state.pods).toBe(before.pods);
    expect(api.state.indexes).toBe(before.indexes);
  });
});
