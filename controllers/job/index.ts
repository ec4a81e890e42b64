// The Job controller (kube-controller-manager's job controller): runs each Job's pods to
// completion, parallelism at a time, replacing failed pods after a growing back-off, counting
// finished pods through the batch.kubernetes.io/job-tracking finalizer, and finishing the Job as
// Complete or Failed (backoffLimit, activeDeadlineSeconds, pod failure policy, success policy).
// The pure decisions live in the files beside this one (sync-plan.ts and what it calls); reconcile.ts
// turns them into requests. Each instance keeps its own memory (memory.ts), so build one per run.

import { keysOf } from '../../core/keys-of.ts';
import type { Controller } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { JobControllerMemory } from './memory.ts';
import { reconcileJobKey } from './reconcile.ts';
import { JOB_CONTROLLER } from './sync-commands.ts';
import { jobKeysFor } from './watch.ts';

export { JOB_CONTROLLER };

export function jobController(): Controller<ClusterState> {
  const memory = new JobControllerMemory();
  return {
    name: JOB_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf((change) => jobKeysFor(change))),
    reconcile: (key, context) => reconcileJobKey(key, context, memory),
  };
}
