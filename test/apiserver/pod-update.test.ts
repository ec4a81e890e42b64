// Updates of a pod's spec (ValidatePodUpdate): images, activeDeadlineSeconds set or lowered and
// toleration additions go through; anything else is refused with upstream's messages. And the
// probe defaults and validation of a pod's containers.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Pod } from '../../core/objects.ts';
import { ApiHarness } from '../support/api-harness.ts';

type Json = Record<string, unknown>;

function manifest(spec: Json, name = 'web'): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec };
}

const container = (image: string, extra: Json = {}): Json => ({ name: 'app', image, ...extra });

function created(spec: Json): ApiHarness {
  const api = new ApiHarness();
  api.apply(manifest(spec));
  return api;
}

function refusal(events: readonly KsimEvent[]): string | undefined {
  const [event] = events;
  return event?.type === 'request/rejected' ? event.message : undefined;
}

const stored = (api: ApiHarness): Pod | undefined => api.state.pods.get('default/web');

describe('pod updates', () => {
  it('take a new image for a container and an init container', () => {
    const api = created({ initContainers: [{ name: 'init', image: 'busybox:1.36' }], containers: [container('nginx:1.27')] });
    const events = api.apply(manifest({ initContainers: [{ name: 'init', image: 'busybox:1.37' }], containers: [container('nginx:1.28')] }));
    expect(events.map((event) => event.type)).toEqual(['pod/updated']);
    expect([stored(api)?.spec.containers[0]?.image, stored(api)?.spec.initContainers?.[0]?.image]).toEqual(['nginx:1.28', 'busybox:1.37']);
  });

  it('take an activeDeadlineSeconds that is set or lowered, not raised nor removed', () => {
    const api = created({ containers: [container('nginx:1.27')] });
    expect(api.apply(manifest({ activeDeadlineSeconds: 60, containers: [container('nginx:1.27')] })).map((event) => event.type)).toEqual(['pod/updated']);
    expect(refusal(api.apply(manifest({ activeDeadlineSeconds: 90, containers: [container('nginx:1.27')] })))).toBe(
      'Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: 90: must be less than or equal to previous value',
    );
    expect(refusal(api.apply(manifest({ containers: [container('nginx:1.27')] })))).toBe(
      'Pod "web" is invalid: spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil value',
    );
    expect(api.apply(manifest({ activeDeadlineSeconds: 30, containers: [container('nginx:1.27')] })).map((event) => event.type)).toEqual(['pod/updated']);
  });

  it('take added tolerations, not removed ones', () => {
    const toleration = { key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' };
    const api = created({ tolerations: [toleration], containers: [container('nginx:1.27')] });
    const more = [toleration, { key: 'gpu', operator: 'Exists', effect: 'NoSchedule' }];
    expect(api.apply(manifest({ tolerations: more, containers: [container('nginx:1.27')] })).map((event) => event.type)).toEqual(['pod/updated']);
    expect(refusal(api.apply(manifest({ tolerations: [], containers: [container('nginx:1.27')] })))).toBe(
      'Pod "web" is invalid: spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds',
    );
  });

  it('refuse added or removed containers', () => {
    const api = created({ containers: [container('nginx:1.27')] });
    expect(refusal(api.apply(manifest({ containers: [container('nginx:1.27'), { name: 'two', image: 'redis:7' }] })))).toBe(
      'Pod "web" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers',
    );
  });

  it('refuse any other change to the spec', () => {
    const api = created({ containers: [container('nginx:1.27')] });
    expect(refusal(api.apply(manifest({ containers: [container('nginx:1.27', { ports: [{ containerPort: 8080 }] })] })))).toMatch(
      /^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,/,
    );
  });
});

describe('probe defaults and validation', () => {
  it('stores a probe with upstream defaults (period 10, timeout 1, success 1, failure 3, path /, scheme HTTP)', () => {
    const api = created({ containers: [container('nginx:1.27', { readinessProbe: { httpGet: { port: 80 } } })] });
    expect(stored(api)?.spec.containers[0]?.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('refuses a liveness probe whose successThreshold is not 1', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(manifest({ containers: [container('nginx:1.27', { livenessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })] })))).toBe(
      'Pod "web" is invalid: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    );
  });

  it('refuses a probe with no handler, and a negative period', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(manifest({ containers: [container('nginx:1.27', { readinessProbe: { periodSeconds: -1 } })] })))).toBe(
      'Pod "web" is invalid: [spec.containers[0].readinessProbe: Required value: must specify a handler type, spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0]',
    );
  });

  it('refuses probes on a regular init container, and a restartPolicy other than Always on an init container', () => {
    const api = new ApiHarness();
    const inits = [{ name: 'init', image: 'busybox', readinessProbe: { exec: { command: ['true'] } } }, { name: 'side', image: 'envoy', restartPolicy: 'OnFailure' }];
    expect(refusal(api.apply(manifest({ initContainers: inits, containers: [container('nginx:1.27')] })))).toBe(
      'Pod "web" is invalid: [spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always, spec.initContainers[1].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"]',
    );
  });

  it('accepts probes on a sidecar', () => {
    const api = new ApiHarness();
    const sidecar = { name: 'side', image: 'envoy', restartPolicy: 'Always', startupProbe: { httpGet: { port: 9901 } } };
    expect(api.apply(manifest({ initContainers: [sidecar], containers: [container('nginx:1.27')] })).map((event) => event.type)).toEqual(['pod/created']);
  });
});
