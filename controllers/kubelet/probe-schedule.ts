// When a probe's result changes, worked out rather than polled. Upstream's probe worker
// (pkg/kubelet/prober/worker.go) ticks every periodSeconds from the moment the kubelet added the
// pod, skips ticks while the container is not running, is younger than initialDelaySeconds, or
// (for readiness and liveness) has not passed its startup probe, and changes the result only after
// failureThreshold failures or successThreshold successes in a row. The kubelet also runs the
// readiness probe once at once when a started container is not ready yet (the manual trigger of
// UpdatePodStatus). A container's health here is a step in time: its startup probe passes from
// some moment on, its readiness probe passes from some moment on, its liveness probe fails from
// some moment on; so the instants of every failure, and of the result that changes, follow from
// the tick schedule without probing each tick.

import type { ProbeSpec } from './probe-spec.ts';

export interface ProbeClock {
  /** When the worker started ticking: the kubelet's first sync of the pod. */
  readonly workerStartMs: number;
  /** When the running instance started (c.State.Running.StartedAt). */
  readonly runningSinceMs: number;
  /** When probes of this type may run: at the start, or once the startup probe passed. */
  readonly activeFromMs: number;
}

export type ProbeEventKind = 'failed' | 'kill' | 'started' | 'ready';

export interface ProbeEvent {
  readonly atMs: number;
  /** failed: one failure below the threshold; kill: the failure that reaches it. */
  readonly kind: ProbeEventKind;
}

/** The worker's first tick at or after `ms`. */
export function nextTickMs(spec: ProbeSpec, clock: ProbeClock, ms: number): number {
  const { workerStartMs } = clock;
  if (ms <= workerStartMs) return workerStartMs;
  return workerStartMs + Math.ceil((ms - workerStartMs) / spec.periodMs) * spec.periodMs;
}

/** The first instant the probe really runs at: past the initial delay and its activation. */
function firstEffectiveMs(spec: ProbeSpec, clock: ProbeClock): number {
  return Math.max(clock.activeFromMs, clock.runningSinceMs + spec.initialDelayMs);
}

/** The probe's next run at or after `ms`: a tick, or the readiness probe's manual trigger. */
function nextRunMs(spec: ProbeSpec, clock: ProbeClock, ms: number): number {
  const from = Math.max(ms, firstEffectiveMs(spec, clock));
  const tick = nextTickMs(spec, clock, from);
  const trigger = clock.activeFromMs;
  const triggered = spec.type === 'readiness' && trigger >= from && trigger >= firstEffectiveMs(spec, clock);
  return triggered ? Math.min(tick, trigger) : tick;
}

/** The n-th run (1-based) at or after `ms`. */
function nthRunMs(spec: ProbeSpec, clock: ProbeClock, ms: number, n: number): number {
  let at = nextRunMs(spec, clock, ms);
  for (let i = 1; i < n; i++) at = nextRunMs(spec, clock, at + 1);
  return at;
}

/**
 * The startup probe fails until `passesAtMs`. The first run after that passes (successThreshold is
 * 1 for startup probes); failureThreshold failures before it kill the container.
 */
export function nextStartupEvent(spec: ProbeSpec, clock: ProbeClock, passesAtMs: number, afterMs: number): ProbeEvent | undefined {
  let at = firstEffectiveMs(spec, clock) - 1;
  for (let run = 1; run <= spec.failureThreshold; run++) {
    at = nextRunMs(spec, clock, at + 1);
    if (at >= passesAtMs) return at > afterMs ? { atMs: at, kind: 'started' } : undefined;
    if (at > afterMs) return { atMs: at, kind: run === spec.failureThreshold ? 'kill' : 'failed' };
  }
  return undefined;
}

/**
 * The readiness probe fails until `passesAtMs` (each failure an event; the result was Failure
 * from the start, so no threshold is crossed), then turns the container ready at the
 * successThreshold-th run in a row that passes.
 */
export function nextReadinessEvent(spec: ProbeSpec, clock: ProbeClock, passesAtMs: number, afterMs: number): ProbeEvent | undefined {
  const failure = nextRunMs(spec, clock, afterMs + 1);
  if (failure < passesAtMs) return { atMs: failure, kind: 'failed' };
  const ready = nthRunMs(spec, clock, passesAtMs, spec.successThreshold);
  return ready > afterMs ? { atMs: ready, kind: 'ready' } : undefined;
}

/**
 * The liveness probe passes until `failsFromMs`, then fails at every run; the failureThreshold-th
 * failure in a row kills the container and the worker holds until the next instance.
 */
export function nextLivenessEvent(spec: ProbeSpec, clock: ProbeClock, failsFromMs: number | undefined, afterMs: number): ProbeEvent | undefined {
  if (failsFromMs === undefined) return undefined;
  let at = Math.max(failsFromMs, firstEffectiveMs(spec, clock)) - 1;
  for (let run = 1; run <= spec.failureThreshold; run++) {
    at = nextRunMs(spec, clock, at + 1);
    if (at > afterMs) return { atMs: at, kind: run === spec.failureThreshold ? 'kill' : 'failed' };
  }
  return undefined;
}

/** When the startup probe passed (or will), or undefined when it fails for good first. */
export function startupPassMs(spec: ProbeSpec, clock: ProbeClock, passesAtMs: number): number | undefined {
  let at = firstEffectiveMs(spec, clock) - 1;
  for (let run = 1; run <= spec.failureThreshold; run++) {
    at = nextRunMs(spec, clock, at + 1);
    if (at >= passesAtMs) return at;
  }
  return undefined;
}
