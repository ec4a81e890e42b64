// The "Pods Status" line of the controller describers (describe.go getPodStatusForController):
// the pods the selector picks whose controller is this object, counted by phase.

import type { Labels } from '../../core/labels.ts';
import { controlledObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Pod } from '../../core/objects.ts';

/**
 * "2 Running / 1 Waiting / 0 Succeeded / 0 Failed". Upstream lists the pods by the selector and
 * keeps those controlled by the uid; here the controllees index gives the controlled pods and the
 * selector then filters them, which picks the same pods.
 */
export function podPhasesText(
  state: ClusterState,
  controllerUid: string,
  selects: (labels: Labels | undefined) => boolean,
): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of controlledObjects<Pod>(state, 'Pod', controllerUid)) {
    if (!selects(pod.metadata.labels)) continue;
    switch (pod.status.phase) {
      case 'Running':
        running++;
        break;
      case 'Pending':
        waiting++;
        break;
      case 'Succeeded':
        succeeded++;
        break;
      case 'Failed':
        failed++;
        break;
    }
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}
