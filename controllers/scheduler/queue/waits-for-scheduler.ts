// Which pods the default scheduler places: no node yet, its scheduler name, no scheduling gate
// (a gated pod waits for its gates, upstream's SchedulingGates PreEnqueue), not finished and not
// being deleted.

import type { Pod } from '../../../core/objects.ts';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export function waitsForScheduler(pod: Pod): boolean {
  const { nodeName, schedulerName, schedulingGates } = pod.spec;
  return (
    (nodeName === undefined || nodeName === '') &&
    (schedulerName === undefined || schedulerName === DEFAULT_SCHEDULER_NAME) &&
    (schedulingGates ?? []).length === 0 &&
    pod.metadata.deletionTimestamp === undefined &&
    pod.status.phase !== 'Succeeded' &&
    pod.status.phase !== 'Failed'
  );
}
