// `get quota`, `get limits` and their describe pages, with the figures of the documentation's
// examples as kubectl prints them.

import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../../core/objects.ts';
import { DescribeWriter } from '../../../kinds/describe/describe-writer.ts';
import { describeNamespace } from '../../../kinds/describe/generic.ts';
import { describeLimitRange } from '../../../kinds/describe/limit-range.ts';
import { describeResourceQuota } from '../../../kinds/describe/resource-quota.ts';
import type { LimitRange } from '../../../kinds/limits/limit-range.ts';
import { limitRangeRow, resourceQuotaHeaders, resourceQuotaRow } from '../../../kinds/printers/quota.ts';
import type { ResourceQuota } from '../../../kinds/quota/resource-quota.ts';
import { kindDefinition } from '../../../kinds/registry.ts';

const quota: ResourceQuota = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'mem-cpu-demo', namespace: 'quota-mem-cpu-example', uid: 'u', creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { hard: { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi' } },
  status: {
    hard: { 'limits.cpu': '2', 'limits.memory': '2Gi', 'requests.cpu': '1', 'requests.memory': '1Gi' },
    used: { 'limits.cpu': '800m', 'limits.memory': '800Mi', 'requests.cpu': '400m', 'requests.memory': '600Mi' },
  },
};

describe('quota and limit range printers', () => {
  it('get quota puts limits.* in LIMIT and the rest in REQUEST, names sorted', () => {
    expect(resourceQuotaHeaders()).toEqual(['NAME', 'AGE', 'REQUEST', 'LIMIT']);
    expect(resourceQuotaRow(quota, 90_000)).toEqual(['mem-cpu-demo', '90s', 'requests.cpu: 400m/1, requests.memory: 600Mi/1Gi', 'limits.cpu: 800m/2, limits.memory: 800Mi/2Gi']);
  });

  it('a resource not counted yet shows 0 used', () => {
    const fresh: ResourceQuota = { ...quota, status: { hard: { pods: '2' } } };
    expect(resourceQuotaRow(fresh, 0)[2]).toBe('pods: 0/2');
  });

  it('describe quota prints the Resource/Used/Hard table, a used value in the hard limit format', () => {
    const w = new DescribeWriter();
    const scoped: ResourceQuota = { ...quota, spec: { hard: { pods: '2' }, scopes: ['BestEffort'] }, status: { hard: { memory: '1Gi', pods: '2' }, used: { memory: '0', pods: '1' } } };
    describeResourceQuota(w, scoped);
    expect(w.toString()).toBe(
      [
        'Name:       mem-cpu-demo',
        'Namespace:  quota-mem-cpu-example',
        'Scopes:     BestEffort',
        ' * Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
        // The help line has no tab, so it ends the tabwriter's column block: the table aligns on its own.
        'Resource  Used  Hard',
        '--------  ----  ----',
        'memory    0     1Gi',
        'pods      1     2',
        '',
      ].join('\n'),
    );
  });

  it('get limits and describe limits', () => {
    const limitRange: LimitRange = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'cpu-min-max-demo-lr', namespace: 'constraints-cpu-example', uid: 'u', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { limits: [{ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' }, default: { cpu: '800m' }, defaultRequest: { cpu: '800m' } }] },
    };
    expect(limitRangeRow(limitRange)).toEqual(['cpu-min-max-demo-lr', '2025-01-01T00:00:00Z']);
    const w = new DescribeWriter();
    describeLimitRange(w, limitRange);
    expect(w.toString()).toBe(
      [
        'Name:       cpu-min-max-demo-lr',
        'Namespace:  constraints-cpu-example',
        'Type        Resource  Min   Max   Default Request  Default Limit  Max Limit/Request Ratio',
        '----        --------  ---   ---   ---------------  -------------  -----------------------',
        'Container   cpu       200m  800m  800m             800m           -',
        '',
      ].join('\n'),
    );
  });
});

describe('describe namespace', () => {
  it('lists each quota of the namespace and one Resource Limits table, as kubectl does', () => {
    const namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'quota-mem-cpu-example', uid: 'n' }, status: { phase: 'Active' } } as Namespace;
    const limitRange: LimitRange = {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: 'mem', namespace: 'quota-mem-cpu-example', uid: 'l', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { limits: [{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }] },
    };
    const w = new DescribeWriter();
    describeNamespace(w, namespace, [quota], [limitRange]);
    expect(w.toString()).toBe(
      [
        'Name:         quota-mem-cpu-example',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'Resource Quotas',
        '  Name:            mem-cpu-demo',
        '  Resource         Used   Hard',
        '  --------         ---    ---',
        '  limits.cpu       800m   2',
        '  limits.memory    800Mi  2Gi',
        '  requests.cpu     400m   1',
        '  requests.memory  600Mi  1Gi',
        '',
        'Resource Limits',
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio',
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------',
        ' Container  memory    -    -    256Mi            512Mi          -',
        '',
      ].join('\n'),
    );
  });
});

describe('what a quota stores but ksim does not count', () => {
  it('warns about each hard limit no evaluator counts', () => {
    const definition = kindDefinition<ResourceQuota>('ResourceQuota');
    const stored: ResourceQuota = { ...quota, spec: { hard: { pods: '2', 'count/deployments.apps': '1', 'count/widgets.example.com': '1', 'requests.nvidia.com/gpu': '1' } } };
    expect(definition?.warnings?.(stored)).toEqual(['spec.hard[count/widgets.example.com] is not counted by ksim; the quota does not limit it']);
  });
});
