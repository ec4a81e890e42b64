// ResourceQuota admission and the resource quota controller together, through the engine: the
// messages of upstream's quota admission (exceeded quota, must specify, status unknown), charging
// in the request, and the controller's recount when pods end or go.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../../core/events.ts';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import { resourceQuotaController } from '../../../controllers/resource-quota/index.ts';
import type { ResourceQuota } from '../../../kinds/quota/resource-quota.ts';
import { lookupObject } from '../../../reducers/lookup.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';

function quota(name: string, hard: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard, ...extra } };
}

function pod(name: string, resources: Record<string, Record<string, string>> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'nginx', resources }], ...extra } };
}

function refusal(events: readonly KsimEvent[]): string | undefined {
  const rejected = events.find((event) => event.type === 'request/rejected');
  return rejected?.type === 'request/rejected' ? `${rejected.code} ${rejected.message}` : undefined;
}

function cluster(...quotas: Record<string, unknown>[]): ClusterHarness {
  const harness = new ClusterHarness([resourceQuotaController()]);
  for (const manifest of quotas) expect(refusal(harness.apply(manifest))).toBeUndefined();
  return harness;
}

const statusOf = (harness: ClusterHarness, name: string) => lookupObject<ResourceQuota>(harness.state, 'ResourceQuota', 'default', name)?.status;

describe('the resource quota controller', () => {
  it('fills status.hard from spec.hard and counts zero where nothing is used', () => {
    const harness = cluster(quota('compute', { 'requests.cpu': '1', 'limits.memory': '1024Mi', pods: '10' }));
    expect(statusOf(harness, 'compute')).toEqual({ hard: { 'limits.memory': '1Gi', pods: '10', 'requests.cpu': '1' }, used: { 'limits.memory': '0', pods: '0', 'requests.cpu': '0' } });
  });

  it('counts what was there before the quota', () => {
    const harness = new ClusterHarness([resourceQuotaController()]);
    harness.apply(pod('early', { requests: { cpu: '250m' } }));
    harness.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
    harness.apply(quota('counts', { pods: '5', 'requests.cpu': '1', 'count/configmaps': '3', configmaps: '3' }));
    expect(statusOf(harness, 'counts')?.used).toEqual({ configmaps: '1', 'count/configmaps': '1', pods: '1', 'requests.cpu': '250m' });
  });

  it('gives back what a pod used when it ends or is deleted', () => {
    const harness = cluster(quota('pods', { pods: '2', 'count/pods': '5' }));
    harness.apply(pod('a'));
    harness.apply(pod('b'));
    expect(statusOf(harness, 'pods')?.used).toEqual({ 'count/pods': '2', pods: '2' });
    harness.run({ type: 'updatePodStatus', actor: 'kubelet/node-1', namespace: 'default', name: 'a', status: { phase: 'Succeeded' } });
    // A terminal pod no longer counts as "pods", but count/pods counts every stored pod.
    expect(statusOf(harness, 'pods')?.used).toEqual({ 'count/pods': '2', pods: '1' });
    harness.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'a', gracePeriodSeconds: 0 });
    expect(statusOf(harness, 'pods')?.used).toEqual({ 'count/pods': '1', pods: '1' });
    expect(refusal(harness.apply(pod('c')))).toBeUndefined();
  });
});

describe('ResourceQuota admission', () => {
  it('refuses what would exceed a quota, with upstream resource order and quantities', () => {
    const harness = cluster(quota('compute', { 'requests.cpu': '1', 'requests.memory': '1Gi', pods: '10' }));
    expect(refusal(harness.apply(pod('first', { requests: { cpu: '600m', memory: '512Mi' } })))).toBeUndefined();
    expect(refusal(harness.apply(pod('second', { requests: { cpu: '600m', memory: '768Mi' } })))).toBe(
      '403 pods "second" is forbidden: exceeded quota: compute, requested: requests.cpu=600m,requests.memory=768Mi, used: requests.cpu=600m,requests.memory=512Mi, limited: requests.cpu=1,requests.memory=1Gi',
    );
    expect(statusOf(harness, 'compute')?.used).toEqual({ pods: '1', 'requests.cpu': '600m', 'requests.memory': '512Mi' });
  });

  it('charges the quota in the create itself, so two creates in a row cannot both fit', () => {
    const harness = cluster(quota('two', { pods: '1' }));
    const first = harness.apply(pod('a'));
    expect(first.map((event) => event.type).slice(0, 2)).toEqual(['object/statusUpdated', 'pod/created']);
    // The second create reads the status the first wrote, with no controller sync in between.
    expect(refusal(harness.run({ type: 'create', actor: 'user', manifest: pod('b') }))).toBe(
      '403 pods "b" is forbidden: exceeded quota: two, requested: pods=1, used: pods=1, limited: pods=1',
    );
  });

  it('a quota on cpu or memory makes every container state it', () => {
    const harness = cluster(quota('compute', { 'requests.cpu': '1', 'limits.cpu': '2', 'requests.memory': '1Gi' }));
    expect(refusal(harness.apply(pod('bare', { requests: { memory: '100Mi' } })))).toBe(
      '403 pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: app; requests.cpu for: app',
    );
  });

  it('refuses while a quota has no usage counted for what it limits', () => {
    const harness = new ClusterHarness([]);
    harness.apply(quota('fresh', { pods: '3' }));
    harness.run({ type: 'updateStatus', actor: 'test', kind: 'ResourceQuota', namespace: 'default', name: 'fresh', status: { hard: { pods: '3' } } });
    expect(refusal(harness.apply(pod('early')))).toBe('403 pods "early" is forbidden: status unknown for quota: fresh, resources: pods');
  });

  it('counts objects of other kinds by count/<resource>.<group>', () => {
    const harness = cluster(quota('objects', { 'count/deployments.apps': '1' }));
    const deployment = (name: string) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: { replicas: 0, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
    });
    expect(refusal(harness.apply(deployment('one')))).toBeUndefined();
    expect(refusal(harness.apply(deployment('two')))).toBe(
      '403 deployments.apps "two" is forbidden: exceeded quota: objects, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
  });

  it('a scoped quota counts only the pods of its scope', () => {
    const harness = cluster(quota('best-effort', { pods: '1' }, { scopes: ['BestEffort'] }));
    expect(refusal(harness.apply(pod('bare-1')))).toBeUndefined();
    expect(refusal(harness.apply(pod('sized', { requests: { cpu: '100m' } })))).toBeUndefined();
    expect(refusal(harness.apply(pod('bare-2')))).toBe('403 pods "bare-2" is forbidden: exceeded quota: best-effort, requested: pods=1, used: pods=1, limited: pods=1');
  });
});

describe('quotas and limit ranges with workload controllers', () => {
  it('a ReplicaSet whose pods a LimitRange refuses records FailedCreate with the admission message', () => {
    const harness = new ClusterHarness([replicaSetController(), resourceQuotaController()]);
    harness.apply({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'cpu' }, spec: { limits: [{ type: 'Container', max: { cpu: '500m' } }] } });
    harness.apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx', resources: { limits: { cpu: '1' } } }] } },
      },
    });
    const recorded = harness.events.find((event) => event.type === 'event/recorded' && event.reason === 'FailedCreate');
    expect(recorded?.type === 'event/recorded' ? recorded.message : undefined).toBe('Error creating: pods "web-" is forbidden: maximum cpu usage per Container is 500m, but limit is 1');
    expect(harness.state.pods.size).toBe(0);
  });

  it('a quota whose hard limits change is recounted against the new ones', () => {
    const harness = cluster(quota('pods', { pods: '1' }));
    harness.apply(pod('a'));
    harness.apply(quota('pods', { pods: '3', 'count/pods': '3' }));
    expect(statusOf(harness, 'pods')).toEqual({ hard: { 'count/pods': '3', pods: '3' }, used: { 'count/pods': '1', pods: '1' } });
    expect(refusal(harness.apply(pod('b')))).toBeUndefined();
  });
});

describe('quota scopes', () => {
  it('a PriorityClass scope selector counts only pods of the named classes', () => {
    const harness = cluster(quota('high', { pods: '1' }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } }));
    harness.apply({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 });
    expect(refusal(harness.apply(pod('important-1', {}, { priorityClassName: 'high' })))).toBeUndefined();
    expect(refusal(harness.apply(pod('ordinary')))).toBeUndefined();
    expect(refusal(harness.apply(pod('important-2', {}, { priorityClassName: 'high' })))).toBe('403 pods "important-2" is forbidden: exceeded quota: high, requested: pods=1, used: pods=1, limited: pods=1');
  });

  it('Terminating counts pods with an active deadline, NotTerminating the others', () => {
    const harness = cluster(quota('short', { pods: '1' }, { scopes: ['Terminating'] }), quota('long', { pods: '1' }, { scopes: ['NotTerminating'] }));
    expect(refusal(harness.apply(pod('job-pod', {}, { activeDeadlineSeconds: 60 })))).toBeUndefined();
    expect(refusal(harness.apply(pod('server')))).toBeUndefined();
    expect(statusOf(harness, 'short')?.used).toEqual({ pods: '1' });
    expect(statusOf(harness, 'long')?.used).toEqual({ pods: '1' });
    expect(refusal(harness.apply(pod('server-2')))).toBe('403 pods "server-2" is forbidden: exceeded quota: long, requested: pods=1, used: pods=1, limited: pods=1');
  });
});
