// Whether the pod behind an endpoint answers a request at this moment, whatever the slice says:
// a pod that is gone cannot, one being deleted has been told to stop and refuses new connections,
// and a running one answers once each container's app is up (the image's `ready` time after it
// started running). A slice that lags, or marks ready a pod whose app is not up yet (no readiness
// probe), sends requests that fail here.

import { fromTimestamp } from '../../core/clock.ts';
import type { Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';

/** How long after it runs an image's app answers (the scenario's `ready`). */
export type AppReadyAfter = (image: string) => number;

export type Failure = 'podGone' | 'podTerminating' | 'notAnswering';

function appAnswers(pod: Pod, nowMs: number, readyAfterMs: AppReadyAfter): boolean {
  if (pod.status.phase !== 'Running') return false;
  const statuses = pod.status.containerStatuses ?? [];
  if (statuses.length === 0) return false;
  return statuses.every((status) => {
    const startedAt = status.state?.running?.startedAt;
    if (startedAt === undefined) return false;
    return fromTimestamp(startedAt) + readyAfterMs(status.image) <= nowMs;
  });
}

/** Undefined when the pod answers; otherwise why the request fails. */
export function podFailure(state: ClusterState, podKey: string, nowMs: number, readyAfterMs: AppReadyAfter): Failure | undefined {
  const pod = state.pods.get(podKey);
  if (pod === undefined) return 'podGone';
  if (pod.metadata.deletionTimestamp !== undefined) return 'podTerminating';
  return appAnswers(pod, nowMs, readyAfterMs) ? undefined : 'notAnswering';
}
