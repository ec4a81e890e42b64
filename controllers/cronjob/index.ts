// The CronJob controller (kube-controller-manager's cronjob controller, the "v2" one): creates a
// Job for each activation of each CronJob's schedule (in its time zone), as its concurrency policy
// and starting deadline allow, keeps status.active and the last schedule and success times, and
// deletes finished Jobs past the history limits. Keys are "namespace/name" of CronJobs. The pure
// decisions live in the files beside this one (sync-plan.ts and what it calls, the cron parser in
// core/cron/); reconcile.ts turns them into requests. Each instance keeps its own memory
// (memory.ts), so build one per run.

import { keysOf } from '../../core/keys-of.ts';
import type { Controller } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { CronJobControllerMemory } from './memory.ts';
import { reconcileCronJobKey } from './reconcile.ts';
import { CRONJOB_CONTROLLER } from './sync-commands.ts';
import { cronJobKeysFor } from './watch.ts';

export { CRONJOB_CONTROLLER };

export function cronJobController(): Controller<ClusterState> {
  const memory = new CronJobControllerMemory();
  return {
    name: CRONJOB_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf((change) => cronJobKeysFor(change))),
    reconcile: (key, context) => reconcileCronJobKey(key, context, memory),
  };
}
