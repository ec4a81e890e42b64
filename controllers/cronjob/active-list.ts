// The start of syncCronJob (pkg/controller/cronjob/cronjob_controllerv2.go, v1.34): reconciling
// status.active with the CronJob's Jobs, and lastSuccessfulTime.
//   - an unfinished Job missing from the list: UnexpectedJob (upstream re-reads the CronJob from
//     the API server first, in case its cache is stale; the simulator's state is never stale);
//   - a finished Job in the list: removed, SawCompletedJob "Saw completed job: <name>,
//     condition: Complete|Failed";
//   - a succeeded Job not in the list: lastSuccessfulTime becomes the latest completionTime (so a
//     Job's success is taken in the sync after the one that removed it from the list);
//   - a listed Job that no longer exists: removed, MissingJob (upstream asks the API server first).

import { fromTimestamp } from '../../core/clock.ts';
import type { CronJobStatus, Job, ObjectReference } from '../../core/workloads.ts';
import { type CronJobEvent, CronJobEvents } from './events.ts';
import { finishedCondition, isJobSucceeded } from './jobs.ts';
import { withFields } from '../../core/with-fields.ts';

export interface ActiveListUpdate {
  readonly status: CronJobStatus;
  readonly changed: boolean;
  readonly events: readonly CronJobEvent[];
}

export function inActiveList(status: CronJobStatus, uid: string): boolean {
  return (status.active ?? []).some((ref) => ref.uid === uid);
}

export function withoutActive(status: CronJobStatus, uid: string | undefined): CronJobStatus {
  const active: ObjectReference[] = (status.active ?? []).filter((ref) => ref.uid !== uid);
  const { active: _old, ...rest } = status;
  return active.length === 0 ? rest : withFields(rest, { active });
}

function laterSuccess(status: CronJobStatus, job: Job): { readonly status: CronJobStatus; readonly changed: boolean } {
  const completion = job.status.completionTime;
  let next = status;
  let changed = false;
  if (next.lastSuccessfulTime === undefined) {
    changed = true;
    if (completion !== undefined) next = withFields(next, { lastSuccessfulTime: completion });
  }
  const last = next.lastSuccessfulTime;
  if (completion !== undefined && last !== undefined && fromTimestamp(completion) > fromTimestamp(last)) {
    next = withFields(next, { lastSuccessfulTime: completion });
    changed = true;
  }
  return { status: next, changed };
}

/** `jobs` are the CronJob's Jobs in a stable order (by name); they all exist. */
export function reconcileActiveList(status: CronJobStatus, jobs: readonly Job[]): ActiveListUpdate {
  let next = status;
  let changed = false;
  const events: CronJobEvent[] = [];
  const children = new Set<string>();
  for (const job of jobs) {
    const uid = job.metadata.uid;
    children.add(uid);
    const found = inActiveList(next, uid);
    const finished = finishedCondition(job);
    if (!found && finished === undefined) {
      events.push(CronJobEvents.unexpected(job.metadata.name));
    } else if (found && finished !== undefined) {
      next = withoutActive(next, uid);
      events.push(CronJobEvents.sawCompleted(job.metadata.name, finished));
      changed = true;
    } else if (isJobSucceeded(job)) {
      const success = laterSuccess(next, job);
      next = success.status;
      changed ||= success.changed;
    }
  }
  for (const ref of next.active ?? []) {
    if (children.has(ref.uid ?? '')) continue;
    events.push(CronJobEvents.missing(ref.name));
    next = withoutActive(next, ref.uid);
    changed = true;
  }
  return { status: next, changed, events };
}
