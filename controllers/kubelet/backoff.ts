// CrashLoopBackOff, as the kubelet restarts a failed container (doBackOff in
// pkg/kubelet/kuberuntime/kuberuntime_manager.go over client-go's util/flowcontrol/backoff.go).
//
// Upstream keeps one back-off entry per container: `backoff` and `lastUpdate`, the time of the last
// restart. A restart checks the entry against the exit of the container's latest exited instance:
// with no entry, or an entry that has expired (that exit came more than twice the cap, 10 min,
// after the last restart), or once `backoff` has passed since that exit, the container starts at
// once and Next renews the entry: 10 s (backOffPeriod) for a new or expired entry, else doubled up
// to 5 min (MaxContainerBackOff), lastUpdate now. Otherwise it waits in CrashLoopBackOff. The
// kubelet's housekeeping also forgets entries not updated for 10 min (Backoff.GC), which can cut a
// long wait short.
//
// A container that exits on its own is checked against that very exit. One the kubelet kills (a
// failed liveness probe, a changed definition) is checked against the exit before it, as SyncPod
// looked at the pod before the kill: a container killed every few minutes restarts at once until
// its back-off outgrows the time between the kills.
//
// The entries live in the kubelet's memory. When memory has none for a container that has
// restarted before (a status written by someone else), the entry is rebuilt from the status: the
// last restart is when the running instance started, less its start time, and a restart that
// followed a full back-off doubled it, while any other restart (at once, or cut short) set it to
// 10 s. While waiting, the back-off is the one the status message names, as upstream prints it.

import type { ContainerStatus } from '../../core/objects.ts';
import type { BackoffEntry } from './memory.ts';
import { formatGoSeconds, msOf, onTick, parseGoSeconds, TICK_MS } from './ticks.ts';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** hasExpired: an entry is stale once the event is more than twice the cap after the last update. */
export const BACKOFF_STABLE_MS = 2 * BACKOFF_MAX_MS;

export const CRASH_LOOP_BACK_OFF = 'CrashLoopBackOff';

/** Every back-off a full wait can have used: 10 s doubling up to the cap. */
const FULL_BACKOFFS_MS: readonly number[] = [10_000, 20_000, 40_000, 80_000, 160_000, BACKOFF_MAX_MS];

function hasExpired(eventMs: number, entry: BackoffEntry): boolean {
  return eventMs - entry.lastUpdateMs > BACKOFF_STABLE_MS;
}

/** IsInBackOffSince: `backoff` has not yet passed since `eventMs`, measured at `nowMs`. */
export function inBackoffSince(entry: BackoffEntry | undefined, eventMs: number, nowMs: number): boolean {
  if (entry === undefined || hasExpired(eventMs, entry)) return false;
  return nowMs - eventMs < entry.backoffMs;
}

/** IsInBackOffSinceUpdate: `backoff` has not yet passed since the last update. */
export function inBackoffSinceUpdate(entry: BackoffEntry | undefined, nowMs: number): boolean {
  if (entry === undefined || hasExpired(nowMs, entry)) return false;
  return nowMs - entry.lastUpdateMs < entry.backoffMs;
}

/** Next: a new entry at the initial back-off, or the old one doubled up to the cap; updated now. */
export function nextBackoff(entry: BackoffEntry | undefined, eventMs: number, nowMs: number): BackoffEntry {
  if (entry === undefined || hasExpired(eventMs, entry)) return { backoffMs: BACKOFF_INITIAL_MS, lastUpdateMs: nowMs };
  return { backoffMs: Math.min(2 * entry.backoffMs, BACKOFF_MAX_MS), lastUpdateMs: nowMs };
}

/** When housekeeping forgets the entry: its first two-second pass more than 10 min after the update. */
export function forgottenAtMs(entry: BackoffEntry): number {
  return entry.lastUpdateMs + BACKOFF_STABLE_MS + TICK_MS;
}

/** The entry as it stands at `nowMs`: gone once housekeeping has forgotten it. */
export function liveEntry(entry: BackoffEntry | undefined, nowMs: number): BackoffEntry | undefined {
  return entry !== undefined && forgottenAtMs(entry) <= nowMs ? undefined : entry;
}

/** When the running instance was restarted: its start, less the time starting takes. */
export function lastRestartMs(startedMs: number, startMs: number): number {
  return startedMs - onTick(startMs);
}

/** The back-off a restart left in the entry, from how long it waited after the exit before it. */
function backoffAfterRestart(waitedMs: number): number {
  return FULL_BACKOFFS_MS.includes(waitedMs) ? Math.min(2 * waitedMs, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
}

/** The entry rebuilt from a running container's status; none before its first restart. */
export function entryOfRunning(running: ContainerStatus, startMs: number): BackoffEntry | undefined {
  const startedMs = msOf(running.state.running?.startedAt);
  if (running.restartCount === 0 || startedMs === undefined) return undefined;
  const restartedMs = lastRestartMs(startedMs, startMs);
  const previousExitMs = msOf(running.lastState?.terminated?.finishedAt);
  const waitedMs = previousExitMs === undefined ? 0 : restartedMs - previousExitMs;
  return { backoffMs: backoffAfterRestart(waitedMs), lastUpdateMs: restartedMs };
}

/** The entry rebuilt from a container waiting in CrashLoopBackOff: the back-off its message names. */
export function entryOfWaiting(waiting: ContainerStatus, startMs: number): BackoffEntry | undefined {
  const startedMs = msOf(waiting.lastState?.terminated?.startedAt);
  if (startedMs === undefined) return undefined;
  return { backoffMs: backoffOfMessage(waiting.state.waiting?.message), lastUpdateMs: lastRestartMs(startedMs, startMs) };
}

export type RestartDecision =
  | { readonly kind: 'now'; readonly entry: BackoffEntry | undefined }
  | { readonly kind: 'wait'; readonly backoffMs: number; readonly restartAtMs: number };

/**
 * What follows an exit at `exitMs`: `eventMs` is the exit the check measures from (this one, or
 * for a killed container the one before it; undefined when there was none, and then no entry is
 * touched). A wait ends after the back-off, measured from this exit, or when the entry is forgotten.
 */
export function decideRestart(entry: BackoffEntry | undefined, eventMs: number | undefined, exitMs: number): RestartDecision {
  const live = liveEntry(entry, exitMs);
  if (eventMs === undefined) return { kind: 'now', entry: live };
  if (!inBackoffSince(live, eventMs, exitMs) || live === undefined) return { kind: 'now', entry: nextBackoff(live, eventMs, exitMs) };
  return { kind: 'wait', backoffMs: live.backoffMs, restartAtMs: Math.min(exitMs + live.backoffMs, forgottenAtMs(live)) };
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

/** When a container waiting in CrashLoopBackOff restarts: the back-off after its exit, or when it is forgotten. */
export function crashLoopRestartMs(waiting: ContainerStatus, entry: BackoffEntry | undefined): number | undefined {
  const finishedMs = msOf(waiting.lastState?.terminated?.finishedAt);
  if (finishedMs === undefined || entry === undefined) return undefined;
  return Math.min(finishedMs + entry.backoffMs, forgottenAtMs(entry));
}
