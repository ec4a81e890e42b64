// The pod failure policy, with the cases of upstream's TestMatchPodFailurePolicy
// (pkg/controller/job/pod_failure_policy_test.go); the rule-name case of later releases is left
// out, as v1.34 rules have no name.

import { describe, expect, it } from 'vitest';
import { failJobMessage, matchPodFailurePolicy, type PodFailurePolicy } from '../../../controllers/job/pod-failure-policy.ts';
import type { Condition, ContainerStatus, Pod } from '../../../core/objects.ts';
import type { PodFailurePolicyRule } from '../../../core/workloads.ts';
import { job, pod, terminated } from './builders.ts';

const failedPod = (options: { containers?: readonly ContainerStatus[]; init?: readonly ContainerStatus[]; conditions?: readonly Condition[] }): Pod =>
  pod({
    name: 'mypod',
    phase: 'Failed',
    ...(options.containers === undefined ? {} : { containerStatuses: options.containers }),
    ...(options.init === undefined ? {} : { initContainerStatuses: options.init }),
    ...(options.conditions === undefined ? {} : { conditions: options.conditions }),
  });

const exitCodes = (action: string, operator: string, values: readonly number[], containerName?: string): PodFailurePolicyRule =>
  ({ action, onExitCodes: { operator, values, ...(containerName === undefined ? {} : { containerName }) } }) as PodFailurePolicyRule;
const onCondition = (action: string, type: string, status: string): PodFailurePolicyRule =>
  ({ action, onPodConditions: [{ type, status }] }) as PodFailurePolicyRule;
const policy = (...rules: PodFailurePolicyRule[]): PodFailurePolicy => ({ rules });
const disruption = (status: 'True' | 'False' | 'Unknown'): Condition[] => [{ type: 'DisruptionTarget', status }];
const exit = (code: number, name = 'main-container'): ContainerStatus => terminated(name, code);

const cases: readonly {
  readonly name: string;
  readonly policy?: PodFailurePolicy;
  readonly pod: Pod;
  readonly message?: string;
  readonly countFailed: boolean;
  readonly action?: string;
}[] = [
  {
    name: 'unknown action for rule matching by exit codes - skip rule with unknown action',
    policy: policy(exitCodes('UnknownAction', 'In', [1, 2]), exitCodes('FailJob', 'In', [2, 3])),
    pod: failedPod({ containers: [exit(2)] }),
    message: 'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1',
    countFailed: true,
    action: 'FailJob',
  },
  {
    name: 'unknown action for rule matching by pod conditions - skip rule with unknown action',
    policy: policy(onCondition('UnkonwnAction', 'DisruptionTarget', 'True'), onCondition('Ignore', 'DisruptionTarget', 'True')),
    pod: failedPod({ conditions: disruption('True') }),
    countFailed: false,
    action: 'Ignore',
  },
  {
    name: 'unknown operator - rule with unknown action is skipped for onExitCodes',
    policy: policy(exitCodes('Ignore', 'UnknownOperator', [1, 2]), exitCodes('FailJob', 'In', [2, 3])),
    pod: failedPod({ containers: [exit(2)] }),
    message: 'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1',
    countFailed: true,
    action: 'FailJob',
  },
  { name: 'no policy rules', pod: failedPod({ containers: [exit(2)] }), countFailed: true },
  { name: 'ignore rule matched for exit codes', policy: policy(exitCodes('Ignore', 'In', [1, 2, 3])), pod: failedPod({ containers: [exit(2)] }), countFailed: false, action: 'Ignore' },
  {
    name: 'ignore rule matched on negative exit codes - needed for Windows support',
    policy: policy(exitCodes('Ignore', 'In', [-1073741676, -1073741510])),
    pod: failedPod({ containers: [exit(-1073741510)] }),
    countFailed: false,
    action: 'Ignore',
  },
  {
    name: 'FailJob rule matched for exit codes',
    policy: policy(exitCodes('FailJob', 'In', [1, 2, 3])),
    pod: failedPod({ containers: [exit(2)] }),
    message: 'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 0',
    countFailed: true,
    action: 'FailJob',
  },
  {
    name: 'successful containers are skipped by the rules',
    policy: policy(exitCodes('FailJob', 'NotIn', [111])),
    pod: failedPod({ init: [exit(0, 'init-container')], containers: [exit(111), exit(0, 'suppport-container')] }),
    countFailed: true,
  },
  { name: 'FailIndex rule matched for exit codes', policy: policy(exitCodes('FailIndex', 'In', [1, 2, 3])), pod: failedPod({ containers: [exit(2)] }), countFailed: true, action: 'FailIndex' },
  {
    name: 'pod failure policy with NotIn operator and value 0',
    policy: policy(exitCodes('FailJob', 'NotIn', [0])),
    pod: failedPod({ containers: [exit(1), exit(0, 'suppport-container')] }),
    message: 'Container main-container for pod default/mypod failed with exit code 1 matching FailJob rule at index 0',
    countFailed: true,
    action: 'FailJob',
  },
  {
    name: 'second jobfail rule matched for exit codes',
    policy: policy(exitCodes('Count', 'In', [1, 2, 3]), exitCodes('FailJob', 'In', [4, 5, 6])),
    pod: failedPod({ containers: [exit(6)] }),
    message: 'Container main-container for pod default/mypod failed with exit code 6 matching FailJob rule at index 1',
    countFailed: true,
    action: 'FailJob',
  },
  {
    name: 'count rule matched for exit codes',
    policy: policy(exitCodes('Count', 'In', [1, 2, 3])),
    pod: failedPod({ containers: [{ name: 'foo', image: 'x', ready: false, restartCount: 0, state: {} }, exit(2, 'bar')] }),
    countFailed: true,
    action: 'Count',
  },
  { name: 'FailIndex rule matched for pod conditions', policy: policy(onCondition('FailIndex', 'DisruptionTarget', 'True')), pod: failedPod({ conditions: disruption('True') }), countFailed: true, action: 'FailIndex' },
  { name: 'ignore rule matched for pod conditions', policy: policy(onCondition('Ignore', 'DisruptionTarget', 'True')), pod: failedPod({ conditions: disruption('True') }), countFailed: false, action: 'Ignore' },
  { name: 'ignore rule matches by the status=False', policy: policy(onCondition('Ignore', 'DisruptionTarget', 'False')), pod: failedPod({ conditions: disruption('False') }), countFailed: false, action: 'Ignore' },
  { name: 'ignore rule matches by the status=Unknown', policy: policy(onCondition('Ignore', 'DisruptionTarget', 'Unknown')), pod: failedPod({ conditions: disruption('Unknown') }), countFailed: false, action: 'Ignore' },
  { name: 'ignore rule does not match when status for pattern is False, but actual True', policy: policy(onCondition('Ignore', 'DisruptionTarget', 'False')), pod: failedPod({ conditions: disruption('True') }), countFailed: true },
  { name: 'ignore rule does not match when status for pattern is True, but actual False', policy: policy(onCondition('Ignore', 'DisruptionTarget', 'True')), pod: failedPod({ conditions: disruption('False') }), countFailed: true },
  { name: 'default - do not match condition with status=False', policy: policy(onCondition('Ignore', 'DisruptionTarget', 'True')), pod: failedPod({ conditions: disruption('False') }), countFailed: true },
  {
    name: 'job fail rule matched for pod conditions',
    policy: policy(onCondition('FailJob', 'DisruptionTarget', 'True')),
    pod: failedPod({ conditions: disruption('True') }),
    message: 'Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0',
    countFailed: true,
    action: 'FailJob',
  },
  { name: 'count rule matched for pod conditions', policy: policy(onCondition('Count', 'DisruptionTarget', 'True')), pod: failedPod({ conditions: disruption('True') }), countFailed: true, action: 'Count' },
  {
    name: 'no rule matched',
    policy: policy(
      exitCodes('Count', 'NotIn', [8]),
      exitCodes('Ignore', 'In', [1, 2, 3]),
      exitCodes('FailJob', 'NotIn', [5, 6, 7]),
      onCondition('Count', 'ResourceLimitExceeded', 'True'),
      onCondition('Ignore', 'DisruptionTarget', 'True'),
    ),
    pod: failedPod({ containers: [exit(32)] }),
    countFailed: true,
    action: 'Count',
  },
];

describe('matchPodFailurePolicy (TestMatchPodFailurePolicy)', () => {
  it.each(cases)('$name', (tc) => {
    const match = matchPodFailurePolicy(tc.policy, tc.pod);
    expect(match.jobFailureMessage).toBe(tc.message);
    expect(match.countFailed).toBe(tc.countFailed);
    expect(match.action).toBe(tc.action);
  });

  it('matches only the named container', () => {
    const p = pod({ name: 'job-abc', phase: 'Failed', containerStatuses: [terminated('sidecar', 42), terminated('main', 42)] });
    const match = matchPodFailurePolicy(policy(exitCodes('FailJob', 'In', [42], 'main')), p);
    expect(match.jobFailureMessage).toBe('Container main for pod default/job-abc failed with exit code 42 matching FailJob rule at index 0');
  });
});

describe('failJobMessage (getFailJobMessage)', () => {
  it('takes the first failed pod matching a FailJob rule', () => {
    const j = job({ podFailurePolicy: policy(exitCodes('FailJob', 'In', [42])) });
    const running = pod({ name: 'a', phase: 'Running', containerStatuses: [terminated('main', 42)] });
    const failed = pod({ name: 'b', phase: 'Failed', containerStatuses: [terminated('main', 42)] });
    expect(failJobMessage(j, [running, failed])).toBe('Container main for pod default/b failed with exit code 42 matching FailJob rule at index 0');
  });

  it('gives nothing without a policy', () => {
    expect(failJobMessage(job(), [pod({ phase: 'Failed', containerStatuses: [terminated('main', 42)] })])).toBeUndefined();
  });
});
