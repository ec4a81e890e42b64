// The order in which the kubelet first starts a pod's containers (computePodActions and
// computeInitContainerActions in kuberuntime_manager.go): the init containers one at a time, the
// next once the one before has exited 0 or, for a sidecar, has started (its startup probe passed);
// then the app containers, one after the other in one sync, each once the start of the one before
// has been tried. Memory keeps when each container let the next one go; without it (a status
// written by someone else) the status tells.

import type { ContainerStatus } from '../../core/objects.ts';
import type { PodRun } from './pod-run.ts';
import type { Slot } from './pod-context.ts';
import { msOf } from './ticks.ts';

const ERROR_REASONS = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull']);

/** The start of the instance a status shows, running or exited. */
function lastStartMs(status: ContainerStatus): number | undefined {
  const { running, terminated } = status.state;
  return msOf(running?.startedAt ?? terminated?.startedAt ?? status.lastState?.terminated?.startedAt);
}

function unlockedFromStatus(run: PodRun, slot: Slot): number | undefined {
  const status = run.status(slot);
  switch (slot.kind) {
    case 'init': {
      const terminated = status.state.terminated;
      return terminated !== undefined && terminated.exitCode === 0 ? msOf(terminated.finishedAt) : undefined;
    }
    case 'sidecar':
      return status.started === true ? lastStartMs(status) : undefined;
    case 'app': {
      if (ERROR_REASONS.has(status.state.waiting?.reason ?? '')) return run.nowMs;
      return lastStartMs(status);
    }
  }
}

/** When this container let the next one start, if it has. */
export function unlockedMs(run: PodRun, slot: Slot): number | undefined {
  return run.mem(slot).unlockedMs ?? unlockedFromStatus(run, slot);
}

/** Remembers the first time the container let the next one go. */
export function markUnlocked(run: PodRun, slot: Slot, atMs: number): void {
  const memory = run.mem(slot);
  if (memory.unlockedMs === undefined) memory.unlockedMs = atMs;
}

/** When the kubelet first starts this container, or undefined while it has to wait. */
export function firstStartMs(run: PodRun, slot: Slot): number | undefined {
  const { inits, apps, admittedMs } = run.context;
  if (slot.kind !== 'app') {
    const previous = inits[slot.index - 1];
    return previous === undefined ? admittedMs : unlockedMs(run, previous);
  }
  const previousApp = apps[slot.index - 1];
  if (previousApp !== undefined) return unlockedMs(run, previousApp);
  const lastInit = inits.at(-1);
  return lastInit === undefined ? admittedMs : unlockedMs(run, lastInit);
}
