// Replays a pod's containers up to now: every moment due, earliest first (on a tie, in the order
// the containers are declared), each moment read afresh from the statuses it left, so an init
// container's exit is in place before the next one starts. What is left says when to wake next.

import { CRASH_LOOP_BACK_OFF } from './backoff.ts';
import { podEvent } from './container-events.ts';
import { allSlots, type Slot } from './pod-context.ts';
import type { PodRun } from './pod-run.ts';
import { startAllowed } from './pod-stop.ts';
import { crashLoopStep, terminatedStep } from './restart-steps.ts';
import { runningStep } from './running-steps.ts';
import { attemptStep, beginStart, type Step } from './start-attempt.ts';
import { firstStartMs } from './start-order.ts';

export const DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** A bound on moments per sync, so a behaviour with zero durations cannot spin. */
const MAX_STEPS = 512;

/** A container not started yet (or whose start failed and memory lost the retry). */
function firstStartStep(run: PodRun, slot: Slot): Step | undefined {
  const atMs = firstStartMs(run, slot);
  if (atMs === undefined || !startAllowed(run, atMs)) return undefined;
  const status = run.status(slot);
  const lastState = status.lastState?.terminated === undefined ? undefined : status.lastState;
  return { atMs, apply: () => beginStart(run, slot, atMs, lastState !== undefined, lastState) };
}

export function containerStep(run: PodRun, slot: Slot): Step | undefined {
  const { attempt, abandoned } = run.mem(slot);
  if (attempt !== undefined) return attemptStep(run, slot, attempt);
  if (abandoned === true) return undefined;
  const status = run.status(slot);
  const { running, terminated, waiting } = status.state;
  if (running !== undefined) return runningStep(run, slot, status);
  if (terminated !== undefined) return terminatedStep(run, slot, status);
  if (waiting?.reason === CRASH_LOOP_BACK_OFF) return crashLoopStep(run, slot, status);
  return firstStartStep(run, slot);
}

/** spec.activeDeadlineSeconds runs out: the kubelet's activeDeadlineHandler tells of it once. */
function deadlineStep(run: PodRun, terminal: () => boolean): Step | undefined {
  const { deadlineMs, pod } = run.context;
  if (deadlineMs === undefined || run.memory.deadlineTold) return undefined;
  return {
    atMs: deadlineMs,
    apply: () => {
      run.memory.deadlineTold = true;
      if (!terminal()) run.tell(podEvent(pod, 'Normal', DEADLINE_EXCEEDED, DEADLINE_MESSAGE));
    },
  };
}

/**
 * Applies every moment due by now; returns when the next one is due, if any. `terminal` says
 * whether the pod has ended already (a deadline past the end changes nothing).
 */
export function advancePod(run: PodRun, terminal: () => boolean): number | undefined {
  const slots = allSlots(run.context);
  for (let step = 0; step < MAX_STEPS; step++) {
    let next = deadlineStep(run, terminal);
    for (const slot of slots) {
      const candidate = containerStep(run, slot);
      if (candidate !== undefined && (next === undefined || candidate.atMs < next.atMs)) next = candidate;
    }
    if (next === undefined) return undefined;
    if (next.atMs > run.nowMs) return next.atMs;
    next.apply();
  }
  return run.nowMs;
}
