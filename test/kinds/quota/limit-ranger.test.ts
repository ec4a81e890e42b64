// The LimitRanger through the API server, with cases after upstream's TestPodLimitFunc and
// TestLimitRangerAdmitPod (plugin/pkg/admission/limitranger/admission_test.go) and
// ValidateLimitRange's messages.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../../core/events.ts';
import type { Pod } from '../../../core/objects.ts';
import { lookupObject } from '../../../reducers/lookup.ts';
import { ApiHarness } from '../../support/api-harness.ts';

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

function limitRange(name: string, limits: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name }, spec: { limits } };
}

function pod(name: string, containers: Resources[], initContainers: Resources[] = []): Record<string, unknown> {
  const container = (prefix: string) => (resources: Resources, index: number) => ({ name: `${prefix}${index}`, image: 'nginx', resources });
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: containers.map(container('app')), ...(initContainers.length > 0 ? { initContainers: initContainers.map(container('init')) } : {}) },
  };
}

function refusal(events: readonly KsimEvent[]): string | undefined {
  const rejected = events.find((event) => event.type === 'request/rejected');
  return rejected?.type === 'request/rejected' ? `${rejected.code} ${rejected.message}` : undefined;
}

function withRange(...limits: unknown[]): ApiHarness {
  const api = new ApiHarness();
  expect(refusal(api.apply(limitRange('limits', limits)))).toBeUndefined();
  return api;
}

const storedPod = (api: ApiHarness, name: string) => lookupObject<Pod>(api.state, 'Pod', 'default', name);

describe('LimitRanger: defaults', () => {
  it('fills the requests and limits a container lacks and says so in the annotation', () => {
    const api = withRange({ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '256Mi' } });
    api.apply(pod('web', [{ requests: { cpu: '200m' } }], [{}]));
    const stored = storedPod(api, 'web');
    expect(stored?.spec.containers[0]?.resources).toEqual({ requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } });
    expect(stored?.spec.initContainers?.[0]?.resources).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '256Mi' } });
    expect(stored?.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container app0; cpu, memory limit for container app0; cpu, memory request for init container init0; cpu, memory limit for init container init0',
    );
  });

  it('a limit without a request becomes the request before the defaults apply', () => {
    const api = withRange({ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } });
    api.apply(pod('big', [{ limits: { memory: '1Gi' } }]));
    expect(storedPod(api, 'big')?.spec.containers[0]?.resources).toEqual({ limits: { memory: '1Gi' }, requests: { memory: '1Gi' } });
    expect(storedPod(api, 'big')?.metadata.annotations).toBeUndefined();
  });

  it('a request above the default limit makes an invalid pod, as upstream validation refuses it', () => {
    const api = withRange({ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } });
    expect(refusal(api.apply(pod('over', [{ requests: { memory: '1Gi' } }])))).toBe(
      '422 Pod "over" is invalid: spec.containers[0].resources.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi',
    );
  });
});

describe('LimitRanger: constraints', () => {
  it.each([
    ['a request under the Container min', { type: 'Container', min: { cpu: '100m' } }, [{ requests: { cpu: '50m' }, limits: { cpu: '100m' } }], 'minimum cpu usage per Container is 100m, but request is 50m'],
    ['a limit over the Container max', { type: 'Container', max: { memory: '1Gi' } }, [{ requests: { memory: '1Gi' }, limits: { memory: '2Gi' } }], 'maximum memory usage per Container is 1Gi, but limit is 2Gi'],
    [
      'a ratio over maxLimitRequestRatio',
      { type: 'Container', maxLimitRequestRatio: { cpu: '2' } },
      [{ requests: { cpu: '100m' }, limits: { cpu: '300m' } }],
      'cpu max limit to request ratio per Container is 2, but provided ratio is 3.000000',
    ],
    [
      'no limit under a ratio',
      { type: 'Container', maxLimitRequestRatio: { cpu: '2' } },
      [{ requests: { cpu: '100m' } }],
      'cpu max limit to request ratio per Container is 2, but no limit is specified or limit is 0',
    ],
    ['the sum of the containers over the Pod max', { type: 'Pod', max: { cpu: '1' } }, [{ requests: { cpu: '500m' }, limits: { cpu: '600m' } }, { requests: { cpu: '500m' }, limits: { cpu: '600m' } }], 'maximum cpu usage per Pod is 1, but limit is 1200m'],
    ['no request under a Pod min', { type: 'Pod', min: { memory: '64Mi' } }, [{}], 'minimum memory usage per Pod is 64Mi.  No request is specified'],
  ])('refuses %s', (_what, item, containers, message) => {
    const api = withRange(item);
    expect(refusal(api.apply(pod('p', containers)))).toBe(`403 pods "p" is forbidden: ${message}`);
    expect(storedPod(api, 'p')).toBeUndefined();
  });

  it('several violations are one message, in brackets', () => {
    const api = withRange({ type: 'Container', min: { cpu: '100m', memory: '10Mi' } });
    expect(refusal(api.apply(pod('p', [{ requests: { cpu: '50m', memory: '5Mi' } }])))).toBe(
      '403 pods "p" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, minimum memory usage per Container is 10Mi, but request is 5Mi]',
    );
  });

  it('a pod within every range is created', () => {
    const api = withRange({ type: 'Container', min: { cpu: '200m' }, max: { cpu: '800m' } });
    expect(refusal(api.apply(pod('ok', [{ requests: { cpu: '500m' }, limits: { cpu: '800m' } }])))).toBeUndefined();
    expect(storedPod(api, 'ok')).toBeDefined();
  });

  it('a claim is held to the PersistentVolumeClaim min and max on its storage request', () => {
    const api = withRange({ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '2Gi' } });
    const claim = (name: string, storage: string) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } } });
    expect(refusal(api.apply(claim('big', '5Gi')))).toBe('403 persistentvolumeclaims "big" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi');
    expect(refusal(api.apply(claim('small', '500Mi')))).toBe('403 persistentvolumeclaims "small" is forbidden: minimum storage usage per PersistentVolumeClaim is 1Gi, but request is 500Mi');
    expect(refusal(api.apply(claim('fits', '1Gi')))).toBeUndefined();
  });
});

describe('LimitRange validation and defaulting', () => {
  it('a Container item without defaults gets its max as default limit and default request', () => {
    const api = withRange({ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' } });
    const stored = lookupObject(api.state, 'LimitRange', 'default', 'limits') as unknown as { spec: { limits: unknown[] } };
    expect(stored.spec.limits[0]).toEqual({ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' }, default: { cpu: '800m' }, defaultRequest: { cpu: '800m' } });
  });

  it('a Container item with only a min gets it as the default request', () => {
    const api = withRange({ type: 'Container', min: { cpu: '200m' } });
    const stored = lookupObject(api.state, 'LimitRange', 'default', 'limits') as unknown as { spec: { limits: unknown[] } };
    expect(stored.spec.limits[0]).toEqual({ type: 'Container', min: { cpu: '200m' }, defaultRequest: { cpu: '200m' } });
  });

  it.each([
    // The defaults drawn from the max are below the min too, and upstream reports all three.
    [
      { type: 'Container', min: { cpu: '1' }, max: { cpu: '800m' } },
      '[spec.limits[0].min[cpu]: Invalid value: "1": min value 1 is greater than max value 800m, spec.limits[0].defaultRequest[cpu]: Invalid value: "800m": min value 1 is greater than default request value 800m, spec.limits[0].default[cpu]: Invalid value: "1": min value 1 is greater than default value 800m]',
    ],
    [{ type: 'Pod', min: { cpu: '1' }, max: { cpu: '800m' } }, 'spec.limits[0].min[cpu]: Invalid value: "1": min value 1 is greater than max value 800m'],
    [{ type: 'Container', default: { memory: '1Gi' }, defaultRequest: { memory: '2Gi' } }, 'spec.limits[0].defaultRequest[memory]: Invalid value: "2Gi": default request value 2Gi is greater than default limit value 1Gi'],
    [{ type: 'Pod', default: { cpu: '1' } }, "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'"],
    [{ type: 'Container', maxLimitRequestRatio: { cpu: '500m' } }, 'spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "500m": ratio 500m is less than 1'],
    [{ type: 'PersistentVolumeClaim', max: { cpu: '1' } }, 'spec.limits[0].limits: Required value: either minimum or maximum storage value is required, but neither was provided'],
  ])('refuses %j', (item, message) => {
    const api = new ApiHarness();
    expect(refusal(api.apply(limitRange('bad', [item])))).toBe(`422 LimitRange "bad" is invalid: ${message}`);
  });
});
