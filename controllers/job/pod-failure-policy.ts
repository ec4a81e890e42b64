// A Job's podFailurePolicy, as upstream's pkg/controller/job/pod_failure_policy.go applies it to a
// failed pod: the rules are tried in order and the first that matches decides.
//   onExitCodes: the first terminated container (app containers first, then init containers) with a
//     non-zero exit code, of the named container if containerName is set, whose code is In (or
//     NotIn) the values. Exit code 0 never matches, so NotIn [0] means "any failure".
//   onPodConditions: the first of the pod's conditions whose type and status equal a pattern's
//     (DisruptionTarget=True for a preempted or evicted pod, say).
// Actions: FailJob (fail the Job, with a message naming the pod), FailIndex (fail the index, with
// backoffLimitPerIndex), Ignore (do not count the failure), Count (count it, as with no rule).
// A rule with an unknown action is skipped, as the Go switch falls through without returning.

import type { Condition, ContainerStatus, Pod } from '../../core/objects.ts';
import type { Job, PodFailurePolicyRule } from '../../core/workloads.ts';
import { initContainerStatuses, isPodFailed } from './job-pods.ts';

export type PodFailurePolicy = NonNullable<Job['spec']['podFailurePolicy']>;
export type PodFailurePolicyAction = PodFailurePolicyRule['action'];
type ExitCodesRequirement = NonNullable<PodFailurePolicyRule['onExitCodes']>;
type PodConditionPattern = NonNullable<PodFailurePolicyRule['onPodConditions']>[number];

export interface PodFailurePolicyMatch {
  /** Set when a FailJob rule matched: the message of the Job's failure condition. */
  readonly jobFailureMessage?: string;
  /** False only when an Ignore rule matched: the failure does not count towards backoffLimit. */
  readonly countFailed: boolean;
  readonly action?: PodFailurePolicyAction;
}

const NO_MATCH: PodFailurePolicyMatch = { countFailed: true };

function exitCodeMatches(exitCode: number, requirement: ExitCodesRequirement): boolean {
  switch (requirement.operator) {
    case 'In':
      return requirement.values.includes(exitCode);
    case 'NotIn':
      return !requirement.values.includes(exitCode);
    default:
      return false;
  }
}

/** getMatchingContainerFromList: the first terminated, non-zero, matching container status. */
function matchingContainer(
  statuses: readonly ContainerStatus[],
  requirement: ExitCodesRequirement,
): ContainerStatus | undefined {
  for (const status of statuses) {
    const terminated = status.state.terminated;
    if (terminated === undefined) continue;
    if (requirement.containerName !== undefined && requirement.containerName !== status.name) continue;
    if (terminated.exitCode !== 0 && exitCodeMatches(terminated.exitCode, requirement)) return status;
  }
  return undefined;
}

function matchOnExitCodes(pod: Pod, requirement: ExitCodesRequirement): ContainerStatus | undefined {
  return (
    matchingContainer(pod.status.containerStatuses ?? [], requirement) ??
    matchingContainer(initContainerStatuses(pod), requirement)
  );
}

function matchOnPodConditions(pod: Pod, patterns: readonly PodConditionPattern[]): Condition | undefined {
  for (const condition of pod.status.conditions ?? []) {
    for (const pattern of patterns) {
      if (condition.type === pattern.type && condition.status === pattern.status) return condition;
    }
  }
  return undefined;
}

function podName(pod: Pod): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
}

/** The outcome of a matched rule; undefined for an unknown action, so the next rule is tried. */
function outcome(rule: PodFailurePolicyRule, failJobMessage: () => string): PodFailurePolicyMatch | undefined {
  switch (rule.action) {
    case 'Ignore':
      return { countFailed: false, action: 'Ignore' };
    case 'FailIndex':
      return { countFailed: true, action: 'FailIndex' };
    case 'Count':
      return { countFailed: true, action: 'Count' };
    case 'FailJob':
      return { jobFailureMessage: failJobMessage(), countFailed: true, action: 'FailJob' };
    default:
      return undefined;
  }
}

function matchRule(rule: PodFailurePolicyRule, index: number, pod: Pod): PodFailurePolicyMatch | undefined {
  if (rule.onExitCodes !== undefined) {
    const status = matchOnExitCodes(pod, rule.onExitCodes);
    if (status === undefined) return undefined;
    const exitCode = status.state.terminated?.exitCode ?? 0;
    return outcome(
      rule,
      () => `Container ${status.name} for pod ${podName(pod)} failed with exit code ${exitCode} matching ${rule.action} rule at index ${index}`,
    );
  }
  if (rule.onPodConditions !== undefined) {
    const condition = matchOnPodConditions(pod, rule.onPodConditions);
    if (condition === undefined) return undefined;
    return outcome(rule, () => `Pod ${podName(pod)} has condition ${condition.type} matching ${rule.action} rule at index ${index}`);
  }
  return undefined;
}

/** matchPodFailurePolicy: how a failed pod's failure is handled. */
export function matchPodFailurePolicy(policy: PodFailurePolicy | undefined, failedPod: Pod): PodFailurePolicyMatch {
  if (policy === undefined) return NO_MATCH;
  for (const [index, rule] of policy.rules.entries()) {
    const match = matchRule(rule, index, failedPod);
    if (match !== undefined) return match;
  }
  return NO_MATCH;
}

/** getFailJobMessage: the message of the first failed pod (in the order given) matching a FailJob rule. */
export function failJobMessage(job: Job, pods: readonly Pod[]): string | undefined {
  if (job.spec.podFailurePolicy === undefined) return undefined;
  for (const pod of pods) {
    if (!isPodFailed(pod, job)) continue;
    const message = matchPodFailurePolicy(job.spec.podFailurePolicy, pod).jobFailureMessage;
    if (message !== undefined) return message;
  }
  return undefined;
}

/** nonIgnoredFailedPodsCount: the failed pods that count towards backoffLimit. */
export function countNonIgnoredFailures(job: Job, failedPods: readonly Pod[]): number {
  if (job.spec.podFailurePolicy === undefined) return failedPods.length;
  let count = 0;
  for (const pod of failedPods) if (matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) count++;
  return count;
}
