// When the kubelet stops a pod's containers for good, and in which order. The pod stops when its
// deletion is asked for, when spec.activeDeadlineSeconds runs out, and (for its sidecars, the
// only containers still running then) when its app containers have all ended and none will run
// again, or a regular init container failed under restartPolicy Never (computePodActions' KillPod).
// Regular containers get SIGTERM at once; a sidecar waits for every app container and every later
// sidecar to exit (terminationOrdering in kuberuntime_termination_order.go), with what is left of
// the grace period, in whole seconds, but at least 2 s (minimumGracePeriodInSeconds).

import type { RestartPolicy } from '../../core/objects.ts';
import type { PodRun } from './pod-run.ts';
import type { Slot } from './pod-context.ts';
import { msOf } from './ticks.ts';

export type StopCause = 'deletion' | 'deadline' | 'completed' | 'initFailed';

export interface PodStop {
  readonly atMs: number;
  readonly graceMs: number;
  readonly cause: StopCause;
}

const MINIMUM_GRACE_MS = 2000;

/** Whether the container runs again after exiting with `exitCode` (sidecars always do). */
export function shouldRestart(slot: Slot, policy: RestartPolicy, exitCode: number): boolean {
  switch (slot.kind) {
    case 'sidecar':
      return true;
    case 'init':
      return exitCode !== 0 && policy !== 'Never';
    case 'app':
      return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
  }
}

/** The last exit of the app containers once they have all ended for good. */
function completedMs(run: PodRun): number | undefined {
  const { restartPolicy, apps } = run.context;
  if (restartPolicy === 'Always') return undefined;
  let lastMs = Number.NEGATIVE_INFINITY;
  for (const slot of apps) {
    const terminated = run.status(slot).state.terminated;
    if (terminated === undefined || run.mem(slot).restartAtMs !== undefined) return undefined;
    if (shouldRestart(slot, restartPolicy, terminated.exitCode)) return undefined;
    lastMs = Math.max(lastMs, msOf(terminated.finishedAt) ?? lastMs);
  }
  return Number.isFinite(lastMs) ? lastMs : undefined;
}

/** When a regular init container failed under restartPolicy Never. */
function initFailedMs(run: PodRun): number | undefined {
  if (run.context.restartPolicy !== 'Never') return undefined;
  for (const slot of run.context.inits) {
    const terminated = run.status(slot).state.terminated;
    if (slot.kind === 'init' && terminated !== undefined && terminated.exitCode !== 0) return msOf(terminated.finishedAt);
  }
  return undefined;
}

/** The earliest reason the pod stops, if it has one yet. */
export function podStop(run: PodRun): PodStop | undefined {
  const { deletion, deadlineMs, graceMs } = run.context;
  const candidates: PodStop[] = [];
  if (deletion !== undefined) candidates.push({ atMs: deletion.requestedMs, graceMs: deletion.graceMs, cause: 'deletion' });
  if (deadlineMs !== undefined) candidates.push({ atMs: deadlineMs, graceMs, cause: 'deadline' });
  const completed = completedMs(run);
  if (completed !== undefined) candidates.push({ atMs: completed, graceMs, cause: 'completed' });
  const initFailed = initFailedMs(run);
  if (initFailed !== undefined) candidates.push({ atMs: initFailed, graceMs, cause: 'initFailed' });
  return candidates.reduce<PodStop | undefined>((best, next) => (best === undefined || next.atMs < best.atMs ? next : best), undefined);
}

/** No container starts once the pod stops; one due before that has started already. */
export function startAllowed(run: PodRun, atMs: number): boolean {
  const stop = podStop(run);
  return stop === undefined || atMs < stop.atMs;
}

export interface ContainerStop {
  readonly stop: PodStop;
  readonly sigtermMs: number;
  readonly graceMs: number;
}

/** When this container gets SIGTERM from the pod's stop, or undefined while it has no turn yet. */
export function containerStop(run: PodRun, slot: Slot): ContainerStop | undefined {
  const stop = podStop(run);
  if (stop === undefined) return undefined;
  if (slot.kind !== 'sidecar') return { stop, sigtermMs: stop.atMs, graceMs: stop.graceMs };
  const before = [...run.context.apps, ...run.context.inits.filter((other) => other.kind === 'sidecar' && other.index > slot.index)];
  let turnMs = stop.atMs;
  for (const other of before) {
    const { running, terminated } = run.status(other).state;
    if (running !== undefined) return undefined;
    turnMs = Math.max(turnMs, msOf(terminated?.finishedAt) ?? turnMs);
  }
  const waitedMs = Math.floor((turnMs - stop.atMs) / 1000) * 1000;
  return { stop, sigtermMs: turnMs, graceMs: Math.max(MINIMUM_GRACE_MS, stop.graceMs - waitedMs) };
}
