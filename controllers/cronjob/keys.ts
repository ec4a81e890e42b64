// The CronJob controller's work-queue keys: "namespace/name" syncs the CronJob now;
// "schedule:namespace/name" asks, after the schedule or time zone changed, for a sync at the next
// activation of the new schedule (updateCronJob's enqueueControllerAfter), which a reconcile turns
// into a wake, since a watch can only name keys, not times. Names never hold a colon.

const SCHEDULE_PREFIX = 'schedule:';

export function scheduleKey(cronJobKey: string): string {
  return `${SCHEDULE_PREFIX}${cronJobKey}`;
}

export type CronJobControllerKey = { readonly kind: 'sync' | 'schedule'; readonly key: string };

export function parseCronJobControllerKey(key: string): CronJobControllerKey {
  if (key.startsWith(SCHEDULE_PREFIX)) return { kind: 'schedule', key: key.slice(SCHEDULE_PREFIX.length) };
  return { kind: 'sync', key };
}
