// CrashLoopBackOff, as the kubelet restarts a failed container (doBackOff in
// pkg/kubelet/kuberuntime/kuberuntime_manager.go over client-go's util/flowcontrol/backoff.go).
//
// Upstream keeps one back-off entry per container: `backoff` and `lastUpdate`, the time of the last
// restart. An exit with no entry restarts at once and creates the entry at 10 s (backOffPeriod); an
// exit while the entry is live waits `backoff` from the exit, then the restart doubles it, capped
// at 5 min (MaxContainerBackOff). The entry counts as expired once the exit comes more than twice
// the cap (10 min) after the last restart: the container ran long enough to be considered stable,
// so it restarts at once and starts again at 10 s. The kubelet's housekeeping also forgets entries
// not updated for 10 min (Backoff.GC), which can cut a long wait short.
//
// Our reconcile keeps no memory, so the entry is rebuilt from the status: the last restart is when
// the running instance started (less its start time), and a restart that followed a full back-off
// doubled it, while any other restart (at once, or cut short) set it to 10 s. While waiting, the
// back-off is the one the status message names, as upstream prints it.

import type { ContainerStatus } from '../../core/objects.ts';
import { formatGoSeconds, msOf, onTick, parseGoSeconds, TICK_MS } from './ticks.ts';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** hasExpired: an entry is stale once the exit is more than twice the cap after the last restart. */
export const BACKOFF_STABLE_MS = 2 * BACKOFF_MAX_MS;

export const CRASH_LOOP_BACK_OFF = 'CrashLoopBackOff';

/** Every back-off a full wait can have used: 10 s doubling up to the cap. */
const FULL_BACKOFFS_MS: readonly number[] = [10_000, 20_000, 40_000, 80_000, 160_000, BACKOFF_MAX_MS];

export interface RestartPlan {
  /** The back-off entry after this exit; 0 when the container restarts at once. */
  readonly backoffMs: number;
  /** When the kubelet starts the container again. */
  readonly restartAtMs: number;
}

/** The back-off a restart left in the entry, from how long it waited after the exit before it. */
function backoffAfterRestart(waitedMs: number): number {
  return FULL_BACKOFFS_MS.includes(waitedMs) ? Math.min(2 * waitedMs, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
}

/** The restart after a wait of `backoffMs`, unless housekeeping forgets the entry first. */
export function restartAfterBackoff(finishedMs: number, backoffMs: number, lastRestartMs: number): number {
  // GC removes entries whose lastUpdate is more than 2 x the cap old; our first tick past that.
  const forgottenMs = lastRestartMs + BACKOFF_STABLE_MS + TICK_MS;
  return Math.min(finishedMs + backoffMs, forgottenMs);
}

/** When the running instance was restarted: its start, less the time starting takes. */
export function lastRestartMs(startedMs: number, startMs: number): number {
  return startedMs - onTick(startMs);
}

/**
 * What follows the exit, at `finishedMs`, of the container `running` describes (still in its
 * running state). `startMs` is the image's start time, used to find when it was last restarted.
 */
export function planRestart(running: ContainerStatus, finishedMs: number, startMs: number): RestartPlan {
  const startedMs = msOf(running.state.running?.startedAt);
  if (running.restartCount === 0 || startedMs === undefined) return { backoffMs: 0, restartAtMs: finishedMs };
  const restartedMs = lastRestartMs(startedMs, startMs);
  if (finishedMs - restartedMs > BACKOFF_STABLE_MS) return { backoffMs: 0, restartAtMs: finishedMs };
  const previousExitMs = msOf(running.lastState?.terminated?.finishedAt);
  const waitedMs = previousExitMs === undefined ? 0 : restartedMs - previousExitMs;
  const backoffMs = backoffAfterRestart(waitedMs);
  return { backoffMs, restartAtMs: restartAfterBackoff(finishedMs, backoffMs, restartedMs) };
}

/** Upstream's wait message: "back-off 10s restarting failed container=app pod=web-abcde_default(uid)". */
export function backoffMessage(backoffMs: number, container: string, podRef: string): string {
  return `back-off ${formatGoSeconds(backoffMs)} restarting failed container=${container} pod=${podRef}`;
}

const MESSAGE_BACKOFF = /^back-off (\S+) restarting/;

/** The back-off a CrashLoopBackOff message names; the initial one when the message is not ours. */
export function backoffOfMessage(message: string | undefined): number {
  const text = message === undefined ? undefined : MESSAGE_BACKOFF.exec(message)?.[1];
  return (text === undefined ? undefined : parseGoSeconds(text)) ?? BACKOFF_INITIAL_MS;
}

/** When a container waiting in CrashLoopBackOff restarts, from its status. */
export function crashLoopRestartMs(waiting: ContainerStatus, startMs: number): number | undefined {
  const last = waiting.lastState?.terminated;
  const finishedMs = msOf(last?.finishedAt);
  const startedMs = msOf(last?.startedAt);
  if (finishedMs === undefined || startedMs === undefined) return undefined;
  const backoffMs = backoffOfMessage(waiting.state.waiting?.message);
  return restartAfterBackoff(finishedMs, backoffMs, lastRestartMs(startedMs, startMs));
}
