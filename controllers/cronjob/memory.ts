// What the CronJob controller remembers between two syncs of one CronJob: the Job it has just
// asked to create. Upstream adds the created Job's reference (its uid included) to status.active
// in the same sync, from the object the create returned. Here a sync's requests are data, sent
// after the reconcile returns, so the uid the API server gives the Job is not known yet: the sync
// ends after the create, and the next sync of the CronJob (which the created Job's event brings at
// once) writes the status the first one computed, with the Job's reference added.
//
// Controller memory is safe for determinism here because a run has exactly one instance of the
// controller, built fresh for the run, and the engine hands it keys one at a time in a fixed order;
// the memory only ever spans the two syncs of one create, with nothing in between for this key.

import type { CronJobStatus } from '../../core/workloads.ts';

export interface PendingCreate {
  readonly jobName: string;
  readonly scheduledMs: number;
  /** The status the creating sync computed, before the created Job's reference. */
  readonly status: CronJobStatus;
  /** The CronJob's resourceVersion when that sync read it: the status write's precondition. */
  readonly resourceVersion: string | undefined;
}

export class CronJobControllerMemory {
  private readonly pending = new Map<string, PendingCreate>();

  remember(cronJobKey: string, create: PendingCreate): void {
    this.pending.set(cronJobKey, create);
  }

  /** The create asked for by the previous sync of this CronJob, forgotten as it is read. */
  take(cronJobKey: string): PendingCreate | undefined {
    const create = this.pending.get(cronJobKey);
    this.pending.delete(cronJobKey);
    return create;
  }
}
