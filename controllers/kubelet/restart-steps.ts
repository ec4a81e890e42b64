// A container's exit and what follows: it stays terminated (its restart policy, or the pod is
// stopping), restarts at once, or waits in CrashLoopBackOff (backoff.ts), each sync of the wait
// recording a BackOff event (the pod worker syncs every 10 s after a failed sync).

import type { ContainerStatus } from '../../core/objects.ts';
import {
  backoffMessage,
  CRASH_LOOP_BACK_OFF,
  crashLoopRestartMs,
  decideRestart,
  entryOfRunning,
  entryOfWaiting,
  liveEntry,
  nextBackoff,
} from './backoff.ts';
import type { BackoffEntry } from './memory.ts';
import { crashBackoffEvent } from './container-events.ts';
import type { Slot } from './pod-context.ts';
import type { PodRun } from './pod-run.ts';
import { podStop, shouldRestart, startAllowed } from './pod-stop.ts';
import { beginStart, type Step, SYNC_RETRY_MS } from './start-attempt.ts';
import { markUnlocked } from './start-order.ts';
import { msOf, stampOf } from './ticks.ts';
import { withFields } from '../../core/with-fields.ts';

/** A container killed after its grace period ends with SIGKILL: 128 + 9. */
export const KILLED_EXIT_CODE = 137;

export function exitReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error';
}

/** Why the process ended: on its own, stopped with the pod, or killed to be restarted. */
export type ExitCause = 'own' | 'stop' | 'kill';

/** The back-off entry: memory's, or rebuilt from the status when memory never decided a restart. */
function entryOf(run: PodRun, slot: Slot, status: ContainerStatus): BackoffEntry | undefined {
  const memory = run.mem(slot);
  if (memory.backoffKnown === true) return memory.crashBackoff;
  return status.state.running !== undefined ? entryOfRunning(status, slot.behaviour.startMs) : entryOfWaiting(status, slot.behaviour.startMs);
}

function willRestart(run: PodRun, slot: Slot, exitMs: number, exitCode: number, cause: ExitCause): boolean {
  const stop = podStop(run);
  if (stop !== undefined && exitMs >= stop.atMs) return false;
  if (cause === 'kill') return run.mem(slot).kill?.restart === true;
  return cause === 'own' && shouldRestart(slot, run.context.restartPolicy, exitCode);
}

/** The running container ends at `exitMs` with `exitCode`. */
export function exited(run: PodRun, slot: Slot, exitMs: number, exitCode: number, cause: ExitCause): void {
  const status = run.status(slot);
  const memory = run.mem(slot);
  const startedAt = status.state.running?.startedAt;
  const terminated = { exitCode, reason: exitReason(exitCode), ...(startedAt === undefined ? {} : { startedAt }), finishedAt: stampOf(exitMs) };
  const restart = willRestart(run, slot, exitMs, exitCode, cause);
  const entry = entryOf(run, slot, status);
  memory.kill = undefined;
  memory.probesTold = undefined;
  // A regular init container that exited 0 is done, and ready (the probe manager's UpdatePodStatus).
  const done = slot.kind === 'init' && exitCode === 0;
  if (done) markUnlocked(run, slot, exitMs);
  const stopped: ContainerStatus = withFields(status, { ready: done, started: false });
  if (!restart) {
    run.set(slot, { ...stopped, state: { terminated } });
    return;
  }
  // A killed container is checked against the exit before this one, as SyncPod saw it before the kill.
  const eventMs = cause === 'kill' ? msOf(status.lastState?.terminated?.finishedAt) : exitMs;
  const decision = decideRestart(entry, eventMs, exitMs);
  memory.backoffKnown = true;
  if (decision.kind === 'now') {
    memory.crashBackoff = decision.entry;
    memory.restartAtMs = exitMs;
    // The exit shows until the new instance runs, as upstream's next status would.
    run.set(slot, { ...stopped, state: { terminated } });
    return;
  }
  memory.crashBackoff = liveEntry(entry, exitMs);
  memory.restartAtMs = decision.restartAtMs;
  memory.backoffToldMs = exitMs;
  const message = backoffMessage(decision.backoffMs, slot.container.name, run.context.podRef);
  run.set(slot, withFields(stopped, { state: { waiting: { reason: CRASH_LOOP_BACK_OFF, message } }, lastState: { terminated } }));
  run.tell(crashBackoffEvent(slot.ref, run.context.podRef));
}

/** A terminated container with a restart due at once; without memory, its restart policy decides. */
export function terminatedStep(run: PodRun, slot: Slot, status: ContainerStatus): Step | undefined {
  const memory = run.mem(slot);
  const terminated = status.state.terminated;
  if (terminated === undefined) return undefined;
  const finishedMs = msOf(terminated.finishedAt);
  const restartMs =
    memory.restartAtMs ??
    (memory.backoffKnown !== true && finishedMs !== undefined && shouldRestart(slot, run.context.restartPolicy, terminated.exitCode)
      ? finishedMs
      : undefined);
  if (restartMs === undefined || !startAllowed(run, restartMs)) return undefined;
  return { atMs: restartMs, apply: () => beginStart(run, slot, restartMs, true, { terminated }) };
}

/** A container waiting in CrashLoopBackOff: a BackOff event every sync, then the restart. */
export function crashLoopStep(run: PodRun, slot: Slot, status: ContainerStatus): Step | undefined {
  const memory = run.mem(slot);
  const entry = entryOf(run, slot, status);
  const restartMs = memory.restartAtMs ?? crashLoopRestartMs(status, entry);
  const finishedMs = msOf(status.lastState?.terminated?.finishedAt);
  if (restartMs === undefined || finishedMs === undefined || !startAllowed(run, restartMs)) return undefined;
  const nextTellMs = (memory.backoffToldMs ?? finishedMs) + SYNC_RETRY_MS;
  if (nextTellMs < restartMs) {
    return {
      atMs: nextTellMs,
      apply: () => {
        memory.backoffToldMs = nextTellMs;
        run.tell(crashBackoffEvent(slot.ref, run.context.podRef));
      },
    };
  }
  return {
    atMs: restartMs,
    apply: () => {
      memory.crashBackoff = nextBackoff(liveEntry(entry, restartMs), finishedMs, restartMs);
      memory.backoffKnown = true;
      memory.backoffToldMs = undefined;
      beginStart(run, slot, restartMs, true, status.lastState);
    },
  };
}
