// kube-scheduler: places each pod that waits for a node, one pod per reconcile, with upstream's
// default filters and scores, and binds it; a pod that fits nowhere gets upstream's
// "0/N nodes are available: ..." condition, written only when it changes.
//
// Where the rotating start index lives: in this closure. Upstream keeps nextStartNodeIndex on the
// Scheduler, advanced by every cycle, so it depends on the history of cycles and not on the
// cluster alone; nothing in ClusterState holds that history. The engine creates one controller
// per run and calls reconcile in a fixed order, so the closure's value is the same on every run of
// the same (scenario, seed); replays fold the log and never re-run the scheduler. The cycle itself
// (schedulePod) stays pure: it takes the start index and returns the next one.

import { mergeMap, tap } from 'rxjs';
import type { Command } from '../../core/commands.ts';
import { type Controller, type Effect, submit } from '../../core/controller.ts';
import { findCondition, type Pod } from '../../core/objects.ts';
import { eventAbout } from '../common/controller-ref.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { PERCENTAGE_OF_NODES_TO_SCORE } from './feasible-nodes.ts';
import { NodeUsageCache } from './node-usage-cache.ts';
import { createNodeSnapshotCache } from './node-views.ts';
import { podInfo } from './pod-info.ts';
import { keysForChange, RETRY_POD_COUNTING_KEY, RETRY_UNSCHEDULABLE_KEY, waitsForScheduler } from './queue.ts';
import { retryEffects, retryPodCountingEffects } from './retry.ts';
import { type CycleResult, schedulePod } from './schedule-pod.ts';

export { numFeasibleNodesToFind, PERCENTAGE_OF_NODES_TO_SCORE } from './feasible-nodes.ts';
export { DEFAULT_SCHEDULER_NAME, keysForChange, RETRY_POD_COUNTING_KEY, RETRY_UNSCHEDULABLE_KEY } from './queue.ts';
export { schedulePod } from './schedule-pod.ts';

export const SCHEDULER_NAME = 'kube-scheduler';
export const REASON_UNSCHEDULABLE = 'Unschedulable';

export interface SchedulerOptions {
  /** Upstream's percentageOfNodesToScore; 0 (the default) is its adaptive percentage. */
  readonly percentageOfNodesToScore?: number;
}

/** Upstream skips the API call when the PodScheduled condition already says the same thing. */
function conditionSays(pod: Pod, message: string): boolean {
  const condition = findCondition(pod.status.conditions, 'PodScheduled');
  return (
    condition?.status === 'False' &&
    condition.reason === REASON_UNSCHEDULABLE &&
    condition.message === message
  );
}

function effectsFor(pod: Pod, result: CycleResult): Effect[] {
  const target = { actor: SCHEDULER_NAME, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name };
  if (result.kind === 'bound') {
    const assigned = `Successfully assigned ${target.namespace}/${target.name} to ${result.nodeName}`;
    const bind: Command = { type: 'bindPod', ...target, nodeName: result.nodeName, record: eventAbout(pod, 'Normal', 'Scheduled', assigned) };
    return [submit(bind)];
  }
  if (conditionSays(pod, result.message)) return [];
  const report: Command = {
    type: 'reportSchedulingFailure',
    ...target,
    reason: REASON_UNSCHEDULABLE,
    message: result.message,
    record: eventAbout(pod, 'Warning', 'FailedScheduling', result.message),
  };
  return [submit(report)];
}

export function scheduler(options: SchedulerOptions = {}): Controller<ClusterState> {
  const percentageOfNodesToScore = options.percentageOfNodesToScore ?? PERCENTAGE_OF_NODES_TO_SCORE;
  const nodeSnapshot = createNodeSnapshotCache();
  const usageCache = new NodeUsageCache();
  let nextStartNodeIndex = 0;
  return {
    name: SCHEDULER_NAME,
    watch: (changes) =>
      changes.pipe(
        tap((change) => usageCache.noteChange(change)),
        mergeMap(keysForChange),
      ),
    // Pods already waiting when the run starts have had no creation event to queue them.
    start: ({ state, nowMs }) => retryEffects(state, nowMs),
    reconcile(key, { state, nowMs, rng }) {
      if (key === RETRY_UNSCHEDULABLE_KEY) return retryEffects(state, nowMs);
      if (key === RETRY_POD_COUNTING_KEY) return retryPodCountingEffects(state, nowMs);
      const pod = state.pods.get(key);
      if (pod === undefined || !waitsForScheduler(pod)) return [];
      const nodes = nodeSnapshot(state);
      const result = schedulePod({
        pod: podInfo(key, pod, state),
        nodes,
        cluster: state,
        usages: usageCache.usagesFor(nodes, state),
        startIndex: nextStartNodeIndex,
        percentageOfNodesToScore,
        rng,
      });
      nextStartNodeIndex = result.nextStartIndex;
      return effectsFor(pod, result);
    },
  };
}
