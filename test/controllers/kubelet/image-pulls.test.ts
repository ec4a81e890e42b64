// The kubelet's image manager: pull policies against the node's cache, one pull at a time per node,
// the pull back-off of a missing image, and the images the node reports.

import { describe, expect, it } from 'vitest';
import type { Container, Pod } from '../../../core/objects.ts';
import { imageCatalog, kubelet, nodeKey } from '../../../controllers/kubelet/index.ts';
import { defaultImagePullPolicy } from '../../../kinds/validation/pod-defaults.ts';
import { fullyQualified } from '../../../controllers/kubelet/image-names.ts';
import { container, containerStatus, node, pod, runKubelet, SECOND, stateWith, statusLog } from './builders.ts';

const images = imageCatalog({
  default: { pullMs: 2 * SECOND, startMs: SECOND },
  'big:1': { pullMs: 30 * SECOND, sizeBytes: 2_000_000_000 },
  'small:1': { pullMs: 3 * SECOND, sizeBytes: 50_000_000 },
  'nginx:1.277': { missing: true },
  'cached:1': { pullMs: 0 },
});

function podOf(name: string, app: Container): Pod {
  return pod(name, { nodeName: 'node-1', containers: [app] });
}

function runPods(pods: readonly Pod[], untilMs: number) {
  const keys = pods.map((subject) => `pod:default/${subject.metadata.name}`);
  return runKubelet(kubelet(images), stateWith([node()], pods), [...keys, nodeKey('node-1')], untilMs);
}

function eventsOf(run: ReturnType<typeof runPods>, podName: string): string[] {
  return run.log.flatMap(({ atMs, command }) =>
    command.type === 'recordEvent' && command.event.involvedObject.name === podName ? [`${atMs / SECOND} ${command.event.reason}: ${command.event.message}`] : [],
  );
}

describe('imagePullPolicy defaults (SetDefaults_Container)', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.local:5000/app', 'Always'],
    ['registry.local:5000/app:2', 'IfNotPresent'],
    ['nginx@sha256:0123', 'IfNotPresent'],
  ])('%s pulls %s', (image, policy) => {
    expect(defaultImagePullPolicy(image)).toBe(policy);
  });

  it('names images as the runtime does', () => {
    expect(['nginx', 'nginx:1.27', 'bitnami/redis:7', 'registry.local:5000/app', 'quay.io/prometheus/node-exporter:v1.8.0'].map(fullyQualified)).toEqual([
      'docker.io/library/nginx:latest',
      'docker.io/library/nginx:1.27',
      'docker.io/bitnami/redis:7',
      'registry.local:5000/app:latest',
      'quay.io/prometheus/node-exporter:v1.8.0',
    ]);
  });
});

describe('kubelet: one image puller per node', () => {
  const run = runPods([podOf('trainer', container('train', 'big:1')), podOf('cache', container('redis', 'small:1'))], 60 * SECOND);

  it('pulls the second image only when the first pull has ended', () => {
    expect(eventsOf(run, 'cache').slice(0, 2)).toEqual([
      '0 Pulling: Pulling image "small:1"',
      '33 Pulled: Successfully pulled image "small:1" in 3s (33s including waiting). Image size: 50000000 bytes.',
    ]);
    expect(containerStatus(statusLog(run).filter(({ status }) => status.containerStatuses?.[0]?.name === 'redis').at(-1)!.status, 'redis').state.running?.startedAt).toBe(
      '2025-01-01T00:00:34Z',
    );
  });

  it('reports the pulled images in node.status.images, largest first, with their names', () => {
    const report = run.log.filter(({ command }) => command.type === 'reportNodeStatus').at(-1);
    expect(report?.command.type === 'reportNodeStatus' && report.command.status.images).toEqual([
      { names: ['docker.io/library/big:1', 'big:1'], sizeBytes: 2_000_000_000 },
      { names: ['docker.io/library/small:1', 'small:1'], sizeBytes: 50_000_000 },
    ]);
  });
});

describe('kubelet: pull policies', () => {
  it('IfNotPresent finds an image the node pulled before: "already present on machine"', () => {
    const first = podOf('first', container('app', 'small:1'));
    const { nodeName: _node, ...spec } = podOf('second', container('app', 'small:1')).spec;
    const second: Pod = { ...podOf('second', container('app', 'small:1')), spec: { ...spec, nodeName: 'node-1' } };
    const run = runKubelet(kubelet(images), stateWith([node()], [first]), ['pod:default/first'], 20 * SECOND, [{ atMs: 10 * SECOND, event: { type: 'pod/created', object: second } }]);
    expect(eventsOf(run, 'second')).toEqual([
      '10 Pulled: Container image "small:1" already present on machine',
    ]);
  });

  it('Always pulls again, even an image the node has; the pull only checks the registry then', () => {
    const run = runPods([podOf('first', container('app', 'small:1')), podOf('again', { ...container('app', 'small:1'), imagePullPolicy: 'Always' })], 20 * SECOND);
    expect(eventsOf(run, 'again').slice(0, 2)).toEqual([
      '0 Pulling: Pulling image "small:1"',
      '3 Pulled: Successfully pulled image "small:1" in 0s (3s including waiting). Image size: 50000000 bytes.',
    ]);
  });

  it('an image with no pull time is on the node from the start', () => {
    const run = runPods([podOf('warm', container('app', 'cached:1'))], 5 * SECOND);
    expect(eventsOf(run, 'warm')).toEqual([
      '0 Pulled: Container image "cached:1" already present on machine',
    ]);
  });

  it('Never refuses an image the node lacks: ErrImageNeverPull, tried again every 10s', () => {
    const run = runPods([podOf('offline', { ...container('app', 'small:1'), imagePullPolicy: 'Never' })], 15 * SECOND);
    expect(eventsOf(run, 'offline')).toEqual([
      '0 ErrImageNeverPull: Container image "small:1" is not present with pull policy of Never',
      '0 Failed: Error: ErrImageNeverPull',
      '10 ErrImageNeverPull: Container image "small:1" is not present with pull policy of Never',
      '10 Failed: Error: ErrImageNeverPull',
    ]);
    expect(containerStatus(statusLog(run).at(-1)!.status, 'app').state.waiting).toEqual({
      reason: 'ErrImageNeverPull',
      message: 'Container image "small:1" is not present with pull policy of Never',
    });
  });
});

describe('kubelet: a missing image', () => {
  const run = runPods([podOf('typo', container('web', 'nginx:1.277'))], 160 * SECOND);
  const reasons = statusLog(run).map(({ atMs, status }) => `${atMs / SECOND} ${containerStatus(status, 'web').state.waiting?.reason}`);

  it('alternates ErrImagePull and ImagePullBackOff as the back-off doubles from 10s', () => {
    // Tries at 0s, 10s (10s back-off over), 30s (20s), 70s (40s), 150s (80s).
    expect(reasons).toEqual(['0 ErrImagePull', '20 ImagePullBackOff', '30 ErrImagePull', '40 ImagePullBackOff', '70 ErrImagePull', '80 ImagePullBackOff', '150 ErrImagePull', '160 ImagePullBackOff']);
  });

  it('records the failure, the Error and the BackOff with upstream words', () => {
    expect(eventsOf(run, 'typo').slice(0, 3)).toEqual([
      '0 Pulling: Pulling image "nginx:1.277"',
      '0 Failed: Failed to pull image "nginx:1.277": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found',
      '0 Failed: Error: ErrImagePull',
    ]);
    expect(eventsOf(run, 'typo').filter((event) => event.startsWith('20 '))).toEqual(['20 BackOff: Back-off pulling image "nginx:1.277"', '20 Failed: Error: ImagePullBackOff']);
  });

  it('quotes the last pull error while backing off', () => {
    const backingOff = statusLog(run).find(({ atMs }) => atMs === 20 * SECOND)!.status;
    expect(containerStatus(backingOff, 'web').state.waiting?.message).toBe(
      'Back-off pulling image "nginx:1.277": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.277": failed to resolve reference "docker.io/library/nginx:1.277": docker.io/library/nginx:1.277: not found',
    );
  });
});
