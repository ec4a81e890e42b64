// Properties of ResourceQuota over random sequences of creates, completions and deletes in one
// namespace: once the controller has settled, status.used is exactly the sum it counts; and at
// every revision of the log, neither status.used nor the true usage is above status.hard, since
// admission charges each create against the usage the create before it left.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateQuotaStatus } from '../../controllers/resource-quota/calculate-usage.ts';
import { resourceQuotaController } from '../../controllers/resource-quota/index.ts';
import type { Command } from '../../core/commands.ts';
import { compareQuantity, parseQuantityList } from '../../kinds/quota/quantity-value.ts';
import type { ResourceQuota } from '../../kinds/quota/resource-quota.ts';
import { initialState, reduce } from '../../reducers/index.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { ClusterHarness } from '../support/cluster-harness.ts';

const HARD = { pods: '4', 'count/pods': '6', 'requests.cpu': '1', 'requests.memory': '1Gi', 'count/configmaps': '2' };

type Step =
  | { readonly op: 'pod'; readonly name: string; readonly cpuMilli: number; readonly memoryMi: number }
  | { readonly op: 'complete' | 'deletePod'; readonly name: string }
  | { readonly op: 'configMap' | 'deleteConfigMap'; readonly name: string };

const podName = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('pod' as const), name: podName, cpuMilli: fc.integer({ min: 0, max: 600 }), memoryMi: fc.integer({ min: 0, max: 512 }) }),
  fc.record({ op: fc.constantFrom('complete' as const, 'deletePod' as const), name: podName }),
  fc.record({ op: fc.constantFrom('configMap' as const, 'deleteConfigMap' as const), name: fc.constantFrom('x', 'y', 'z') }),
);

function commandOf(step: Step): Command {
  switch (step.op) {
    case 'pod': {
      // A zero request is no request; quota on requests.cpu then refuses the pod (must specify).
      const requests = { ...(step.cpuMilli > 0 ? { cpu: `${step.cpuMilli}m` } : {}), ...(step.memoryMi > 0 ? { memory: `${step.memoryMi}Mi` } : {}) };
      return { type: 'create', actor: 'user', manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: step.name }, spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests } }] } } };
    }
    case 'complete':
      return { type: 'updatePodStatus', actor: 'kubelet/node-1', namespace: 'default', name: step.name, status: { phase: 'Succeeded' } };
    case 'deletePod':
      return { type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: step.name, gracePeriodSeconds: 0 };
    case 'configMap':
      return { type: 'create', actor: 'user', manifest: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: step.name } } };
    case 'deleteConfigMap':
      return { type: 'delete', actor: 'user', kind: 'ConfigMap', namespace: 'default', name: step.name };
  }
}

function quotaIn(state: ClusterState): ResourceQuota | undefined {
  return lookupObject<ResourceQuota>(state, 'ResourceQuota', 'default', 'compute');
}

/** The names whose value in `used` is above `hard`. */
function overHard(used: Readonly<Record<string, string>> | undefined, hard: Readonly<Record<string, string>>): string[] {
  const usedValues = parseQuantityList(used);
  const hardValues = parseQuantityList(hard);
  return Object.keys(hardValues).filter((name) => usedValues[name] !== undefined && compareQuantity(usedValues[name], hardValues[name]!) > 0);
}

describe('ResourceQuota properties', () => {
  it('after the controller settles, status.used equals what it counts; at every revision nothing is above hard', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const harness = new ClusterHarness([resourceQuotaController()]);
        harness.apply({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute' }, spec: { hard: HARD } });
        steps.forEach((each, index) => {
          harness.run(commandOf(each), (index + 1) * 1000);
          const quota = quotaIn(harness.state);
          expect(quota?.status?.used).toEqual(calculateQuotaStatus(quota as ResourceQuota, harness.state).used);
        });
        let state = initialState();
        for (const event of harness.events) {
          state = reduce(state, event);
          const quota = quotaIn(state);
          if (quota?.status?.hard === undefined) continue;
          expect({ rev: event.rev, over: overHard(quota.status.used, quota.status.hard) }).toEqual({ rev: event.rev, over: [] });
          expect({ rev: event.rev, over: overHard(calculateQuotaStatus(quota, state).used, quota.status.hard) }).toEqual({ rev: event.rev, over: [] });
        }
      }),
      { numRuns: 60 },
    );
  });
});
