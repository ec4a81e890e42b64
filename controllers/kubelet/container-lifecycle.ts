// One container's life as its status tells it: waiting to be created, running (then ready), exited,
// waiting out a CrashLoopBackOff, restarted, stopped on deletion. Each state has at most one next
// transition and its time follows from the status, the image's behaviour and the pod's deletion,
// so reconcile can replay every transition due by now and sleep until the next one.

import type { ContainerState, ContainerStatus, RestartPolicy } from '../../core/objects.ts';
import { backoffMessage, CRASH_LOOP_BACK_OFF, crashLoopRestartMs, planRestart } from './backoff.ts';
import { exitAfterMs, type ImageBehaviour } from './image-behaviour.ts';
import { msOf, onTick, stampOf } from './ticks.ts';

/** A container killed after its grace period ends with SIGKILL: 128 + 9. */
export const KILLED_EXIT_CODE = 137;

export interface ContainerContext {
  readonly behaviour: ImageBehaviour;
  /** When the first instance runs: the pod's start plus the pulls and starts before it. */
  readonly firstRunMs: number;
  readonly restartPolicy: RestartPolicy;
  /** When the deletion was requested (SIGTERM), if it was. */
  readonly stopRequestedMs?: number;
  readonly graceMs: number;
  /** The pod as upstream's format.Pod prints it: "name_namespace(uid)". */
  readonly podRef: string;
}

export interface Transition {
  readonly atMs: number;
  readonly apply: () => ContainerStatus;
}

export function exitReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error';
}

export function shouldRestart(policy: RestartPolicy, exitCode: number): boolean {
  return policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

/** No container starts once the deletion is requested; one due before it has started already. */
function startAllowed(runMs: number, context: ContainerContext): boolean {
  return context.stopRequestedMs === undefined || runMs < context.stopRequestedMs;
}

function runningFrom(
  status: ContainerStatus,
  runMs: number,
  lastState: ContainerState | undefined,
  restarts: number,
): Transition {
  const apply = (): ContainerStatus => ({
    ...status,
    ready: false,
    started: true,
    restartCount: status.restartCount + restarts,
    state: { running: { startedAt: stampOf(runMs) } },
    lastState: lastState ?? {},
  });
  return { atMs: runMs, apply };
}

/** The process ends at `atMs` with `exitCode`; the restart policy decides what follows. */
function exited(
  status: ContainerStatus,
  startedAt: string,
  atMs: number,
  exitCode: number,
  context: ContainerContext,
): ContainerStatus {
  const terminated = { exitCode, reason: exitReason(exitCode), startedAt, finishedAt: stampOf(atMs) };
  const stopped = { ...status, ready: false, started: false };
  const stopping = context.stopRequestedMs !== undefined && atMs >= context.stopRequestedMs;
  if (stopping || !shouldRestart(context.restartPolicy, exitCode))
    return { ...stopped, state: { terminated } };
  const plan = planRestart(status, atMs, context.behaviour.startMs);
  // A restart at once shows the exit until the new instance runs, as upstream's next sync would.
  if (plan.backoffMs === 0) return { ...stopped, state: { terminated } };
  const message = backoffMessage(plan.backoffMs, status.name, context.podRef);
  return {
    ...stopped,
    state: { waiting: { reason: CRASH_LOOP_BACK_OFF, message } },
    lastState: { terminated },
  };
}

function runningTransition(
  status: ContainerStatus,
  startedAt: string,
  context: ContainerContext,
): Transition | undefined {
  const startedMs = msOf(startedAt) ?? 0;
  const { behaviour, stopRequestedMs, graceMs } = context;
  const candidates: Transition[] = [];
  const runForMs = exitAfterMs(behaviour);
  if (runForMs !== undefined) {
    const atMs = onTick(startedMs + runForMs);
    candidates.push({ atMs, apply: () => exited(status, startedAt, atMs, behaviour.exitCode, context) });
  }
  if (stopRequestedMs !== undefined) {
    const atMs = onTick(Math.max(startedMs, stopRequestedMs) + Math.min(behaviour.stopMs, graceMs));
    const exitCode = behaviour.stopMs <= graceMs ? 0 : KILLED_EXIT_CODE;
    candidates.push({ atMs, apply: () => exited(status, startedAt, atMs, exitCode, context) });
  }
  if (!status.ready) {
    candidates.push({
      atMs: onTick(startedMs + behaviour.readyMs),
      apply: () => ({ ...status, ready: true }),
    });
  }
  // The earliest wins; on a tie an exit comes before readiness, so a container never turns ready as it dies.
  return candidates.reduce<Transition | undefined>(
    (best, next) => (best === undefined || next.atMs < best.atMs ? next : best),
    undefined,
  );
}

function restartTransition(
  status: ContainerStatus,
  restartMs: number,
  lastState: ContainerState | undefined,
  context: ContainerContext,
): Transition | undefined {
  const runMs = onTick(restartMs + context.behaviour.startMs);
  return startAllowed(runMs, context) ? runningFrom(status, runMs, lastState, 1) : undefined;
}

/** The next thing that happens to this container, or undefined when nothing will. */
export function nextTransition(status: ContainerStatus, context: ContainerContext): Transition | undefined {
  const { state } = status;
  if (state.running !== undefined) return runningTransition(status, state.running.startedAt, context);
  if (state.terminated !== undefined) {
    // Still terminated with a restart due means the restart is immediate (a back-off would be waiting).
    const finishedMs = msOf(state.terminated.finishedAt);
    if (finishedMs === undefined || !shouldRestart(context.restartPolicy, state.terminated.exitCode))
      return undefined;
    return restartTransition(status, finishedMs, { terminated: state.terminated }, context);
  }
  if (state.waiting?.reason === CRASH_LOOP_BACK_OFF) {
    const restartMs = crashLoopRestartMs(status, context.behaviour.startMs);
    return restartMs === undefined
      ? undefined
      : restartTransition(status, restartMs, status.lastState, context);
  }
  return startAllowed(context.firstRunMs, context)
    ? runningFrom(status, context.firstRunMs, status.lastState, 0)
    : undefined;
}

/** A bound on transitions per reconcile, so a behaviour with zero durations cannot spin. */
const MAX_TRANSITIONS = 64;

export interface Advanced {
  readonly status: ContainerStatus;
  /** When the next transition is due, if any. */
  readonly nextMs?: number;
}

/** Applies every transition due by `nowMs`, in order. */
export function advanceContainer(
  initial: ContainerStatus,
  context: ContainerContext,
  nowMs: number,
): Advanced {
  let status = initial;
  for (let step = 0; step < MAX_TRANSITIONS; step++) {
    const next = nextTransition(status, context);
    if (next === undefined) return { status };
    if (next.atMs > nowMs) return { status, nextMs: next.atMs };
    status = next.apply();
  }
  return { status, nextMs: nowMs };
}
