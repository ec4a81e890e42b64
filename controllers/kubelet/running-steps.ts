// What can happen next to a running container: its process exits on its own (runFor, crashAfter),
// it stops with the pod (SIGTERM, then SIGKILL at the end of the grace period), it stops after a
// kill that restarts it (a failed probe, a changed image), the kubelet tells of the pod's stop, or
// notices a changed image, or a probe moment comes. The earliest wins; on a tie an exit comes
// first, so a container never turns ready as it dies.

import type { ContainerStatus } from '../../core/objects.ts';
import { killingEvent } from './container-events.ts';
import { exitAfterMs } from './image-behaviour.ts';
import type { Slot } from './pod-context.ts';
import type { PodRun } from './pod-run.ts';
import { containerStop, podStop } from './pod-stop.ts';
import { probeStep } from './probe-steps.ts';
import { exited, KILLED_EXIT_CODE } from './restart-steps.ts';
import type { Step } from './start-attempt.ts';
import { msOf, onTick } from './ticks.ts';

/** A stop asked for at `sigtermMs`: clean within the grace period (exit 0), else killed (137). */
function stopStep(run: PodRun, slot: Slot, runningSinceMs: number, sigtermMs: number, graceMs: number, cause: 'stop' | 'kill'): Step {
  const { stopMs } = slot.behaviour;
  const atMs = onTick(Math.max(runningSinceMs, sigtermMs) + Math.min(stopMs, graceMs));
  const exitCode = stopMs <= graceMs ? 0 : KILLED_EXIT_CODE;
  return { atMs, apply: () => exited(run, slot, atMs, exitCode, cause) };
}

/** The image in the spec is not the one the container runs: the kubelet kills it and starts the new one. */
function definitionChangeStep(run: PodRun, slot: Slot, status: ContainerStatus): Step | undefined {
  if (slot.kind === 'init' || status.image === slot.container.image) return undefined;
  const atMs = run.nowMs;
  const name = slot.container.name;
  const message = slot.kind === 'sidecar' ? `Init container ${name} definition changed` : `Container ${name} definition changed, will be restarted`;
  return {
    atMs,
    apply: () => {
      run.tell(killingEvent(slot.ref, message));
      run.mem(slot).kill = { requestedMs: atMs, graceMs: run.context.graceMs, restart: true };
    },
  };
}

function exitSteps(run: PodRun, slot: Slot, runningSinceMs: number): Step[] {
  const steps: Step[] = [];
  const runForMs = exitAfterMs(slot.behaviour);
  if (runForMs !== undefined) {
    const atMs = onTick(runningSinceMs + runForMs);
    steps.push({ atMs, apply: () => exited(run, slot, atMs, slot.behaviour.exitCode, 'own') });
  }
  const stop = containerStop(run, slot);
  if (stop !== undefined) steps.push(stopStep(run, slot, runningSinceMs, stop.sigtermMs, stop.graceMs, 'stop'));
  const kill = run.mem(slot).kill;
  if (kill !== undefined) steps.push(stopStep(run, slot, runningSinceMs, kill.requestedMs, kill.graceMs, 'kill'));
  return steps;
}

/** The next thing that happens to a running container. */
export function runningStep(run: PodRun, slot: Slot, status: ContainerStatus): Step | undefined {
  const runningSinceMs = msOf(status.state.running?.startedAt) ?? run.nowMs;
  const memory = run.mem(slot);
  const steps: Step[] = [];
  const stop = podStop(run);
  // The Killing event comes before the exit it causes, even one at the same instant.
  if (stop !== undefined && memory.stopTold !== true) {
    steps.push({
      atMs: stop.atMs,
      apply: () => {
        memory.stopTold = true;
        run.tell(killingEvent(slot.ref));
      },
    });
  }
  steps.push(...exitSteps(run, slot, runningSinceMs));
  // A container being killed, or a pod stopping, probes no more (the workers stop or hold).
  if (memory.kill === undefined && (stop === undefined || stop.atMs > run.nowMs)) {
    const change = definitionChangeStep(run, slot, status);
    if (change !== undefined) steps.push(change);
    const probe = probeStep(run, slot, status, runningSinceMs);
    if (probe !== undefined && (stop === undefined || probe.atMs < stop.atMs)) steps.push(probe);
  }
  return steps.reduce<Step | undefined>((best, next) => (best === undefined || next.atMs < best.atMs ? next : best), undefined);
}
