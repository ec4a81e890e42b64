// The moments a running container's probes matter: each failure (an Unhealthy event), the startup
// probe passing (the container is started), the readiness probe passing (it is ready), and a
// liveness or startup failure that reaches its threshold (the kubelet kills it: a Killing event,
// "Container app failed liveness probe, will be restarted"). A container without a readiness probe
// is ready once started and its image's `ready` time has passed. Memory keeps, per running
// instance, the last failure told of each probe, so a failure is told once.

import type { ContainerStatus } from '../../core/objects.ts';
import { killingEvent, unhealthyEvent } from './container-events.ts';
import type { ContainerMemory } from './memory.ts';
import type { Slot } from './pod-context.ts';
import type { PodRun } from './pod-run.ts';
import { probeFailureOutput } from './probe-output.ts';
import { timesOut } from './probe-timeout.ts';
import {
  nextLivenessEvent,
  nextReadinessEvent,
  nextStartupEvent,
  type ProbeClock,
  type ProbeEvent,
  startupPassMs,
} from './probe-schedule.ts';
import { type ProbeSpec, type ProbeType, probeTypeName } from './probe-spec.ts';
import type { Step } from './start-attempt.ts';
import { markUnlocked } from './start-order.ts';
import { onTick } from './ticks.ts';
import { withFields } from '../../core/with-fields.ts';

type Told = NonNullable<ContainerMemory['probesTold']>;

function toldFor(memory: ContainerMemory, instanceMs: number): Told {
  const told = memory.probesTold;
  return told !== undefined && told.instanceMs === instanceMs ? told : { instanceMs, startup: -1, readiness: -1, liveness: -1 };
}

function remember(run: PodRun, slot: Slot, instanceMs: number, type: ProbeType, atMs: number): void {
  const memory = run.mem(slot);
  memory.probesTold = withFields(toldFor(memory, instanceMs), { [type]: atMs });
}

/** The kill a failed liveness or startup probe asks for, with its Killing event. */
function killFor(run: PodRun, slot: Slot, spec: ProbeSpec, atMs: number): void {
  const { restartPolicy, graceMs } = run.context;
  const restart = slot.kind === 'sidecar' || restartPolicy !== 'Never';
  const what = spec.type === 'liveness' ? 'liveness' : 'startup';
  const message =
    slot.kind === 'sidecar'
      ? `Init container ${slot.container.name} failed ${what} probe`
      : `Container ${slot.container.name} failed ${what} probe${restart ? ', will be restarted' : ''}`;
  run.tell(killingEvent(slot.ref, message));
  run.mem(slot).kill = { requestedMs: atMs, graceMs: spec.terminationGraceMs ?? graceMs, restart };
}

function probeEventStep(run: PodRun, slot: Slot, spec: ProbeSpec, event: ProbeEvent, instanceMs: number): Step {
  const apply = (): void => {
    remember(run, slot, instanceMs, spec.type, event.atMs);
    if (event.kind === 'failed' || event.kind === 'kill') {
      run.tell(unhealthyEvent(slot.ref, probeTypeName(spec.type), probeFailureOutput(spec, slot.behaviour, run.podIP)));
    }
    if (event.kind === 'kill') killFor(run, slot, spec, event.atMs);
    if (event.kind === 'started') {
      run.set(slot, withFields(run.status(slot), { started: true }));
      if (slot.kind === 'sidecar') markUnlocked(run, slot, event.atMs);
    }
    if (event.kind === 'ready') run.set(slot, { ...run.status(slot), ready: true });
  };
  return { atMs: event.atMs, apply };
}

/** When the running instance counts as started: at once, or when its startup probe passed. */
function startedAtMs(run: PodRun, slot: Slot, runningSinceMs: number): number {
  const spec = slot.probes.startup;
  if (spec === undefined) return runningSinceMs;
  const clock = { workerStartMs: run.context.admittedMs, runningSinceMs, activeFromMs: runningSinceMs };
  return startupPassMs(spec, clock, startupPassesAtMs(spec, slot, runningSinceMs)) ?? runningSinceMs;
}

/** From when the startup probe passes: after the image's startupTakes, or never when it times out. */
function startupPassesAtMs(spec: ProbeSpec, slot: Slot, runningSinceMs: number): number {
  return timesOut(spec, slot.behaviour) ? Number.POSITIVE_INFINITY : runningSinceMs + (slot.behaviour.startupTakesMs ?? 0);
}

function earliest(steps: readonly (Step | undefined)[]): Step | undefined {
  return steps.reduce<Step | undefined>((best, next) => (next !== undefined && (best === undefined || next.atMs < best.atMs) ? next : best), undefined);
}

/** The next probe moment of a running container, from its start at `runningSinceMs`. */
export function probeStep(run: PodRun, slot: Slot, status: ContainerStatus, runningSinceMs: number): Step | undefined {
  // A regular init container has no probes, and is ready only once it has exited 0.
  if (slot.kind === 'init') return undefined;
  const { startup, readiness, liveness } = slot.probes;
  const { behaviour } = slot;
  const told = toldFor(run.mem(slot), runningSinceMs);
  const workerStartMs = run.context.admittedMs;
  if (status.started !== true && startup !== undefined) {
    const clock: ProbeClock = { workerStartMs, runningSinceMs, activeFromMs: runningSinceMs };
    const event = nextStartupEvent(startup, clock, startupPassesAtMs(startup, slot, runningSinceMs), told.startup);
    return event === undefined ? undefined : probeEventStep(run, slot, startup, event, runningSinceMs);
  }
  const activeFromMs = startedAtMs(run, slot, runningSinceMs);
  const clock: ProbeClock = { workerStartMs, runningSinceMs, activeFromMs };
  const readyFromMs = runningSinceMs + behaviour.readyMs;
  const steps: (Step | undefined)[] = [];
  if (liveness !== undefined) {
    const failsAfterMs = timesOut(liveness, behaviour) ? 0 : behaviour.livenessFailsAfterMs;
    const failsFromMs = failsAfterMs === undefined ? undefined : runningSinceMs + failsAfterMs;
    const event = nextLivenessEvent(liveness, clock, failsFromMs, told.liveness);
    if (event !== undefined) steps.push(probeEventStep(run, slot, liveness, event, runningSinceMs));
  }
  if (!status.ready && readiness !== undefined) {
    const passesAtMs = timesOut(readiness, behaviour) ? Number.POSITIVE_INFINITY : readyFromMs;
    const event = nextReadinessEvent(readiness, clock, passesAtMs, told.readiness);
    if (event !== undefined) steps.push(probeEventStep(run, slot, readiness, event, runningSinceMs));
  }
  if (!status.ready && readiness === undefined) {
    steps.push({ atMs: onTick(Math.max(activeFromMs, readyFromMs)), apply: () => run.set(slot, { ...run.status(slot), ready: true }) });
  }
  return earliest(steps);
}
