// Starting a container (startContainer in kuberuntime_container.go): make sure the image is there
// (pulled, or found), create the container, start it. Each step is a moment of its own, with the
// image manager's Events (Pulling, Pulled). Upstream also records Created and Started; ksim leaves
// those two out, which keeps the log of a large run a third smaller (see README). A start
// that fails on its image leaves the container waiting with the error, and the pod worker tries
// again after its back-off period (10 s; upstream adds up to 50% jitter, which ksim leaves out).

import type { ContainerState, ContainerStatus } from '../../core/objects.ts';
import { configWait } from './config-wait.ts';
import { ensureImage, finishPull, type ImageRequest, noteImageUsed, pullPolicyOf, type Waiting } from './image-pull.ts';
import type { StartAttempt } from './memory.ts';
import type { Slot } from './pod-context.ts';
import type { PodRun } from './pod-run.ts';
import { podStop } from './pod-stop.ts';
import { markUnlocked } from './start-order.ts';
import { onTick, stampOf } from './ticks.ts';
import { withFields } from '../../core/with-fields.ts';

/** The pod worker's back-off after a failed sync (backOffPeriod in pod_workers.go). */
export const SYNC_RETRY_MS = 10_000;

export interface Step {
  readonly atMs: number;
  readonly apply: () => void;
}

/** An app container lets the next one start once its own start was tried, whatever came of it. */
function triedApp(run: PodRun, slot: Slot, atMs: number): void {
  if (slot.kind === 'app') markUnlocked(run, slot, atMs);
}

function imageRequest(slot: Slot): ImageRequest {
  return { ref: slot.ref, image: slot.container.image, policy: pullPolicyOf(slot.container), behaviour: slot.behaviour };
}

/** Waiting with an error, the last exit kept as lastState. */
function waitingWith(status: ContainerStatus, waiting: Waiting): ContainerStatus {
  const lastState: ContainerState = status.state.terminated !== undefined ? { terminated: status.state.terminated } : (status.lastState ?? {});
  return withFields(status, { ready: false, started: false, state: { waiting }, lastState });
}

/** The kubelet decides at `decidedMs` to start the container: the image first. */
export function beginStart(run: PodRun, slot: Slot, decidedMs: number, restart: boolean, lastState?: ContainerState, mountFailures = 0): void {
  const memory = run.mem(slot);
  const held = configWait(run, slot, mountFailures);
  if (held !== undefined) {
    run.tell(...held.events);
    const retry = { decidedMs, restart, ...(lastState === undefined ? {} : { lastState }), stage: 'retrying' as const };
    if (held.kind === 'mount') {
      // Still ContainerCreating: nothing about the container changes until its volumes mount.
      memory.attempt = withFields(retry, { retryAtMs: decidedMs + held.delayMs, mountFailures: mountFailures + 1 });
      return;
    }
    run.set(slot, waitingWith(run.status(slot), held.waiting));
    triedApp(run, slot, decidedMs);
    memory.attempt = withFields(retry, { retryAtMs: decidedMs + SYNC_RETRY_MS });
    return;
  }
  const outcome = ensureImage(run.node, run.memory, imageRequest(slot), decidedMs);
  run.tell(...outcome.events);
  const base = { decidedMs, restart, ...(lastState === undefined ? {} : { lastState }) };
  switch (outcome.kind) {
    case 'present':
      noteImageUsed(run.node, slot.container.image, slot.behaviour);
      memory.attempt = withFields(base, { stage: 'creating', runMs: decidedMs + slot.behaviour.startMs });
      return;
    case 'pulling':
      memory.attempt = withFields(base, { stage: 'pulling', pullDoneMs: outcome.pullDoneMs, pullMs: outcome.pullMs, pullFails: outcome.fails });
      return;
    case 'refused':
      run.set(slot, waitingWith(run.status(slot), outcome.waiting));
      triedApp(run, slot, decidedMs);
      memory.attempt = withFields(base, { stage: 'retrying', retryAtMs: decidedMs + SYNC_RETRY_MS });
  }
}

function pullEnded(run: PodRun, slot: Slot, attempt: StartAttempt, atMs: number): void {
  const memory = run.mem(slot);
  const pull = { decidedMs: attempt.decidedMs, pullDoneMs: attempt.pullDoneMs ?? atMs, pullMs: attempt.pullMs ?? 0, fails: attempt.pullFails === true };
  const result = finishPull(run.node, run.memory, imageRequest(slot), pull);
  run.tell(...result.events);
  if (result.waiting !== undefined) {
    run.set(slot, waitingWith(run.status(slot), result.waiting));
    triedApp(run, slot, atMs);
    memory.attempt = withFields(attempt, { stage: 'retrying', retryAtMs: atMs + SYNC_RETRY_MS });
    return;
  }
  memory.attempt = withFields(attempt, { stage: 'creating', runMs: pull.pullDoneMs + slot.behaviour.startMs });
}

/** The process runs: a new instance, not ready, started unless a startup probe has to pass first. */
function running(run: PodRun, slot: Slot, attempt: StartAttempt, atMs: number): void {
  const memory = run.mem(slot);
  const status = run.status(slot);
  memory.attempt = undefined;
  memory.kill = undefined;
  memory.probesTold = undefined;
  memory.restartAtMs = undefined;
  run.set(slot, withFields(status, {
    image: slot.container.image,
    ready: false,
    started: slot.probes.startup === undefined,
    restartCount: status.restartCount + (attempt.restart ? 1 : 0),
    state: { running: { startedAt: stampOf(atMs) } },
    lastState: attempt.lastState ?? status.lastState ?? {},
  }));
  // A sidecar without a startup probe is started as soon as it runs; an init container waits for its exit.
  if (slot.kind === 'app' || (slot.kind === 'sidecar' && slot.probes.startup === undefined)) markUnlocked(run, slot, atMs);
}

/** The step of a start under way, before the pod's stop overtakes it. */
function stageStep(run: PodRun, slot: Slot, attempt: StartAttempt): Step {
  switch (attempt.stage) {
    case 'pulling': {
      const atMs = onTick(attempt.pullDoneMs ?? attempt.decidedMs);
      return { atMs, apply: () => pullEnded(run, slot, attempt, atMs) };
    }
    case 'creating': {
      const atMs = onTick(attempt.runMs ?? attempt.decidedMs);
      return { atMs, apply: () => running(run, slot, attempt, atMs) };
    }
    case 'retrying': {
      const atMs = attempt.retryAtMs ?? attempt.decidedMs;
      return { atMs, apply: () => beginStart(run, slot, atMs, attempt.restart, attempt.lastState, attempt.mountFailures ?? 0) };
    }
  }
}

/**
 * The next step of a start under way. The pod's stop cancels the sync that runs it (the pod
 * worker cancels its context), so a start the stop overtakes ends there: the container never runs.
 */
export function attemptStep(run: PodRun, slot: Slot, attempt: StartAttempt): Step {
  const step = stageStep(run, slot, attempt);
  const due = attempt.stage === 'creating' ? (attempt.runMs ?? step.atMs) : step.atMs;
  const stop = podStop(run);
  if (stop === undefined || due < stop.atMs) return step;
  const memory = run.mem(slot);
  return {
    atMs: onTick(stop.atMs),
    apply: () => {
      memory.attempt = undefined;
      memory.restartAtMs = undefined;
      memory.abandoned = true;
    },
  };
}
