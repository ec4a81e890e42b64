// The active deadline and an image changed in place: the kubelet fails a pod that outlives
// spec.activeDeadlineSeconds and stops its containers; it restarts a container whose image changed.

import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../core/objects.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { container, containerStatus, eventLog, node, pod, runKubelet, SECOND, stateWith, statusLog } from './builders.ts';

const KEY = 'pod:default/web-abcde';
const images = imageCatalog({ default: { pullMs: SECOND, startMs: SECOND, stopMs: 5 * SECOND } });

describe('kubelet: activeDeadlineSeconds', () => {
  const subject: Pod = pod('web-abcde', { nodeName: 'node-1', containers: [container('app', 'nginx:1.27')] });
  const bounded: Pod = { ...subject, spec: { ...subject.spec, activeDeadlineSeconds: 30 } };
  const run = runKubelet(kubelet(images), stateWith([node()], [bounded]), [KEY], 60 * SECOND);

  it('fails the pod at the deadline, counted from its admission, with upstream reason and message', () => {
    const failed = statusLog(run).find(({ status }) => status.phase === 'Failed')!;
    expect([failed.atMs, failed.status.reason, failed.status.message]).toEqual([
      30 * SECOND,
      'DeadlineExceeded',
      'Pod was active on the node longer than the specified deadline',
    ]);
  });

  it('records the DeadlineExceeded Event and stops the containers with the grace period', () => {
    expect(eventLog(run).filter(({ atMs }) => atMs === 30 * SECOND)).toEqual([
      { atMs: 30 * SECOND, event: 'DeadlineExceeded: Pod was active on the node longer than the specified deadline' },
      { atMs: 30 * SECOND, event: 'Killing: Stopping container app' },
    ]);
    const last = statusLog(run).at(-1)!;
    expect([last.atMs, last.status.phase, containerStatus(last.status, 'app').state.terminated?.finishedAt]).toEqual([
      35 * SECOND,
      'Failed',
      '2025-01-01T00:00:35Z',
    ]);
  });
});

describe('kubelet: an image changed in place', () => {
  it('kills the container, pulls the new image and starts it, counting a restart', () => {
    const subject = pod('web-abcde', { nodeName: 'node-1', containers: [container('app', 'nginx:1.27')] });
    const controller = kubelet(images);
    // The pod runs steadily from 2s; at 20s an update (status kept, as the API server keeps it) changes its image.
    const before = runKubelet(controller, stateWith([node()], [subject]), [KEY], 19 * SECOND);
    const current = before.state.pods.get('default/web-abcde')!;
    const updated: Pod = { ...current, spec: { ...current.spec, containers: [container('app', 'nginx:1.28')] } };
    const run = runKubelet(controller, before.state, [], 60 * SECOND, [{ atMs: 20 * SECOND, event: { type: 'pod/updated', object: updated } }]);
    expect(eventLog(run).filter(({ atMs }) => atMs >= 20 * SECOND)).toEqual([
      { atMs: 20 * SECOND, event: 'Killing: Container app definition changed, will be restarted' },
      { atMs: 25 * SECOND, event: 'Pulling: Pulling image "nginx:1.28"' },
      { atMs: 26 * SECOND, event: 'Pulled: Successfully pulled image "nginx:1.28" in 1s (1s including waiting). Image size: 0 bytes.' },
    ]);
    const app = containerStatus(statusLog(run).at(-1)!.status, 'app');
    expect([app.image, app.restartCount, app.state.running?.startedAt]).toEqual(['nginx:1.28', 1, '2025-01-01T00:00:27Z']);
  });
});
