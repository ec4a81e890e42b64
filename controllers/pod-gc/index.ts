// The pod garbage collector (kube-controller-manager's podgc controller). Every 20 s
// (gcCheckPeriod, from the controller's start) it deletes terminated pods beyond
// terminated-pod-gc-threshold (12,500), oldest first; terminating pods on nodes that are not ready
// and carry the out-of-service taint; pods bound to a node that no longer exists; and terminating
// pods that were never scheduled. A missing node is put in quarantine for 40 s (quarantineTime) in
// case it shows up again; at the first collection after that, if it is still missing, its pods are
// failed with a DisruptionTarget condition (DeletionByPodGC) and deleted.
//
// The quarantine is a delaying queue in upstream's memory; here too. A run has exactly one
// instance of the controller, built fresh for the run, and the engine hands it its one key at
// fixed times, so the same events always leave the same memory. The periodic wake is a background
// timer (it never keeps an idle run going); a quarantine that will end is a foreground one, so a
// run does not stop before the orphans are gone.

import { EMPTY } from 'rxjs';
import type { Command } from '../../core/commands.ts';
import { type Controller, type Effect, type ReconcileContext, submit, wake, wakeInBackground } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { gcOrphansOf, gcTerminated, gcTerminating, gcUnscheduledTerminating, missingNodes, QUARANTINE_MS } from './gc-passes.ts';
import { POD_GC_CONTROLLER } from './mark-and-delete.ts';

export { POD_GC_CONTROLLER };

export const GC_CHECK_PERIOD_MS = 20_000;
const GC_KEY = 'gc';

export interface PodGcOptions {
  readonly terminatedPodThreshold?: number;
}

/** gcOrphaned: quarantine newly missing nodes; collect the pods of those whose quarantine is over. */
function gcOrphaned(state: ClusterState, nowMs: number, quarantine: Map<string, number>): { commands: Command[]; wakes: Effect[] } {
  const missing = missingNodes(state);
  const wakes: Effect[] = [];
  for (const name of missing) {
    if (quarantine.has(name)) continue;
    quarantine.set(name, nowMs + QUARANTINE_MS);
    wakes.push(wake(nowMs + QUARANTINE_MS, GC_KEY));
  }
  const commands: Command[] = [];
  for (const [name, readyAtMs] of [...quarantine.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (readyAtMs > nowMs) continue;
    quarantine.delete(name);
    // A node that came back in the meantime keeps its pods.
    if (!state.nodes.has(name)) commands.push(...gcOrphansOf(state, name, nowMs));
  }
  return { commands, wakes };
}

function collect(
  { state, nowMs }: ReconcileContext<ClusterState>,
  quarantine: Map<string, number>,
  options: PodGcOptions,
): Effect[] {
  const orphaned = gcOrphaned(state, nowMs, quarantine);
  const commands = [
    ...gcTerminated(state, nowMs, options.terminatedPodThreshold),
    ...gcTerminating(state, nowMs),
    ...orphaned.commands,
    ...gcUnscheduledTerminating(state, nowMs),
  ];
  // The next collection is due a period after this one, on the controller's own beat.
  const nextMs = (Math.floor(nowMs / GC_CHECK_PERIOD_MS) + 1) * GC_CHECK_PERIOD_MS;
  return [...commands.map(submit), ...orphaned.wakes, wakeInBackground(nextMs, GC_KEY)];
}

export function podGcController(options: PodGcOptions = {}): Controller<ClusterState> {
  const quarantine = new Map<string, number>();
  return {
    name: POD_GC_CONTROLLER,
    // Periodic, not driven by changes: upstream lists every pod on each pass.
    watch: () => EMPTY,
    reconcile: (key, context) => (key === GC_KEY ? collect(context, quarantine, options) : []),
    start: ({ nowMs }) => [wakeInBackground(nowMs, GC_KEY)],
  };
}
