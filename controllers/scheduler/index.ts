// kube-scheduler: pops the pending pods from its scheduling queue one cycle at a time, with
// upstream's default filters and scores, binds each to the best node, and, for a pod that fits
// nowhere, runs DefaultPreemption and reports upstream's "0/N nodes are available: ..." condition
// (written only when it changes).
//
// Where the queue and the rotating start index live: in this closure. Upstream keeps both in the
// scheduler process: the start index moves with every cycle, and the queue remembers each pod's
// attempts, when it was last queued, and which plugins turned it away; none of that is in the
// cluster's state, and the rejecting plugins cannot be read back from a condition message that
// upstream does not rewrite when it repeats. The engine creates one controller per run, feeds it
// every change in log order and calls reconcile in a fixed order, so the closure holds the same
// values on every run of the same (scenario, seed); replays fold the log and never re-run the
// scheduler. The cycle itself (schedulePod) and preemption stay pure functions of their inputs.
//
// The watch feeds each change to the queue (queue/observe-change.ts) and asks for the SCHEDULE
// key whenever a pod can be popped. One reconcile pops pods until one cycle has a request to make:
// a cycle with nothing to write (the condition already says the same) changes nothing, so the next
// pod sees the same cluster as it would in a reconcile of its own; a request always appends an
// event, and that change asks for the key again. Timers (background, so they never keep an idle run
// going) bring the key back for the 30-second leftover flush and the error back-off's flush.

import { tap } from 'rxjs';
import { keysOf } from '../../core/keys-of.ts';
import { type Change, type Controller, type Effect, wake, wakeInBackground } from '../../core/controller.ts';
import type { Pod } from '../../core/objects.ts';
import type { Rng } from '../../core/prng.ts';
import type { NodeUsage } from '../../reducers/pod-resources.ts';
import { type ClusterState, UNSCHEDULED } from '../../reducers/state.ts';
import { PERCENTAGE_OF_NODES_TO_SCORE } from './feasible-nodes.ts';
import { NodeUsageCache } from './node-usage-cache.ts';
import { createNodeSnapshotCache, type NodeSnapshot } from './node-views.ts';
import { podInfo } from './pod-info.ts';
import { PlacedPriorities } from './placed-priorities.ts';
import { observeChange } from './queue/observe-change.ts';
import { podPriority, type QueuedPod } from './queue/queued-pod.ts';
import { rejectorsOf } from './queue/rejectors.ts';
import { leftoverFlushAtMs, SchedulingQueue } from './queue/scheduling-queue.ts';
import { waitsForScheduler } from './queue/waits-for-scheduler.ts';
import { bindEffects, postFilter, SCHEDULER_NAME } from './schedule-one.ts';
import { schedulePod } from './schedule-pod.ts';
import { volumePreBind } from './volume-prebind.ts';
import { VOLUME_BINDING } from './queue/queueing-hints.ts';

const WAITING_FOR_VOLUMES: ReadonlySet<string> = new Set([VOLUME_BINDING]);

export { numFeasibleNodesToFind, PERCENTAGE_OF_NODES_TO_SCORE } from './feasible-nodes.ts';
export { DEFAULT_SCHEDULER_NAME, waitsForScheduler } from './queue/waits-for-scheduler.ts';
export { REASON_UNSCHEDULABLE, SCHEDULER_NAME } from './schedule-one.ts';
export { schedulePod } from './schedule-pod.ts';

/** Cannot clash with a pod key: "@" is not allowed in namespaces or names. */
export const SCHEDULE_KEY = '@schedule';
/** A timer: the leftover flush or the error back-off's flush is due. */
export const FLUSH_KEY = '@flush';

export interface SchedulerOptions {
  /** Upstream's percentageOfNodesToScore; 0 (the default) is its adaptive percentage. */
  readonly percentageOfNodesToScore?: number;
}

interface Cycle {
  readonly state: ClusterState;
  readonly nowMs: number;
  readonly rng: Rng;
}

export function scheduler(options: SchedulerOptions = {}): Controller<ClusterState> {
  const percentageOfNodesToScore = options.percentageOfNodesToScore ?? PERCENTAGE_OF_NODES_TO_SCORE;
  const nodeSnapshot = createNodeSnapshotCache();
  const usageCache = new NodeUsageCache();
  const queue = new SchedulingQueue();
  const timers = new Set<number>();
  let placed = new PlacedPriorities();
  let nextStartNodeIndex = 0;

  /** The pods nominated to a node that a pod of this priority must leave room for. */
  const nominatedFor = (state: ClusterState, key: string, priority: number) => (nodeName: string): readonly Pod[] =>
    queue.nominator
      .podsOnNode(nodeName)
      .filter((other) => other !== key)
      .map((other) => state.pods.get(other))
      .filter((other): other is Pod => other !== undefined && podPriority(other) >= priority);

  function timerAt(atMs: number, nowMs: number): Effect[] {
    if (atMs <= nowMs || timers.has(atMs)) return [];
    timers.add(atMs);
    return [wakeInBackground(atMs, FLUSH_KEY)];
  }

  /** One pod's cycle: bind, or park it and run the PostFilter. */
  function scheduleOne(popped: QueuedPod, pod: Pod, nodes: NodeSnapshot, usages: readonly NodeUsage[], { state, nowMs, rng }: Cycle): Effect[] {
    const info = podInfo(popped.key, pod, state);
    const result = schedulePod({
      pod: info,
      nodes,
      cluster: state,
      usages,
      startIndex: nextStartNodeIndex,
      percentageOfNodesToScore,
      rng,
      ...(queue.nominator.size === 0 ? {} : { nominatedPods: nominatedFor(state, popped.key, podPriority(pod)) }),
    });
    nextStartNodeIndex = result.nextStartIndex;
    if (result.kind === 'bound') {
      const waiting = info.claimNames.length === 0 ? undefined : volumePreBind(pod, info.claimNames, nodes, result.nodeName, state);
      if (waiting !== undefined) {
        // PreBind waits for the claims to be bound; the pod is not bound meanwhile, and one of
        // its claims changing brings it back (VolumeBinding's queueing hint).
        queue.addUnschedulable(popped, pod, WAITING_FOR_VOLUMES, nowMs);
        return waiting;
      }
      queue.done(popped.key);
      return bindEffects(pod, result.nodeName);
    }
    const where = queue.addUnschedulable(popped, pod, rejectorsOf(result.reasons.keys()), nowMs);
    const outcome = postFilter({
      pod: info,
      result,
      nodes,
      cluster: state,
      rng,
      nowMs,
      nominatedTo: (node) => queue.nominator.podsOnNode(node),
      hasPlacedPodBelow: (priority) => placed.hasBelow(priority),
    });
    // handleSchedulingFailure updates the nominator before the status patch reaches the API server.
    if (outcome.nominatedNodeName !== undefined) queue.nominator.set(popped.key, outcome.nominatedNodeName);
    const flush = where === 'errorBackoff' ? queue.nextErrorFlushAtMs() : leftoverFlushAtMs(nowMs);
    return [...outcome.effects, ...(flush === undefined ? [] : timerAt(flush, nowMs))];
  }

  /** Pops pods until a cycle has a request to make, or none is left. */
  function drain(cycle: Cycle): Effect[] {
    const nodes = nodeSnapshot(cycle.state);
    // Every cycle of this reconcile reads the same state, so the usages are read once.
    const usages = usageCache.usagesFor(nodes, cycle.state);
    const timersDue: Effect[] = [];
    for (;;) {
      const popped = queue.pop(cycle.nowMs);
      if (popped === undefined) return timersDue;
      const pod = cycle.state.pods.get(popped.key);
      if (pod === undefined || !waitsForScheduler(pod)) {
        queue.delete(popped.key);
        continue;
      }
      const effects = scheduleOne(popped, pod, nodes, usages, cycle);
      if (effects.some((effect) => effect.kind === 'submit')) return [...timersDue, ...effects];
      timersDue.push(...effects);
    }
  }

  return {
    name: SCHEDULER_NAME,
    watch: (changes) =>
      changes.pipe(
        tap((change) => {
          usageCache.noteChange(change);
          placed.noteChange(change);
        }),
        keysOf((change: Change<ClusterState>) => {
          observeChange(queue, change);
          return queue.hasWork ? [SCHEDULE_KEY] : [];
        }),
      ),
    // Pods already waiting when the run starts have had no creation event to queue them.
    start: ({ state, nowMs }) => {
      placed = PlacedPriorities.of(state);
      for (const key of state.indexes.unscheduledPods.members(UNSCHEDULED)) {
        const pod = state.pods.get(key);
        if (pod !== undefined && waitsForScheduler(pod)) queue.add(key, pod, nowMs);
      }
      return queue.hasWork ? [wake(nowMs, SCHEDULE_KEY)] : [];
    },
    reconcile(key, { state, nowMs, rng }) {
      if (key === FLUSH_KEY) {
        timers.delete(nowMs);
        queue.flushUnschedulableLeftover(nowMs);
        queue.flushBackoffCompleted(nowMs);
        const next = queue.nextErrorFlushAtMs();
        const again = next === undefined ? [] : timerAt(next, nowMs);
        return [...again, ...drain({ state, nowMs, rng })];
      }
      return drain({ state, nowMs, rng });
    },
  };
}
