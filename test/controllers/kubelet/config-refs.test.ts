// What the kubelet needs from ConfigMaps and Secrets, with upstream's messages.

import { describe, expect, it } from 'vitest';
import type { ConfigSource } from '../../../controllers/kubelet/config-refs.ts';
import { environmentError, mountFailure } from '../../../controllers/kubelet/config-refs.ts';
import { mountRetryDelayMs } from '../../../controllers/kubelet/config-wait.ts';
import type { Container, Pod } from '../../../core/objects.ts';

const store: Record<string, string[]> = { 'ConfigMap/app': ['mode'], 'Secret/creds': ['user'] };
const lookup: ConfigSource = (kind, name) => {
  const keys = store[`${kind}/${name}`];
  return keys === undefined ? undefined : new Set(keys);
};

const container = (fields: Record<string, unknown>) => ({ name: 'c', image: 'i', ...fields }) as unknown as Container;
const pod = (volumes: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, spec: { containers: [], volumes }, status: {} }) as unknown as Pod;

describe('environment references', () => {
  it.each([
    [{ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'gone', key: 'mode' } } }] }, 'configmap "gone" not found'],
    [{ env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'app', key: 'level' } } }] }, "couldn't find key level in ConfigMap ns/app"],
    [{ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'creds', key: 'pass' } } }] }, "couldn't find key pass in Secret ns/creds"],
    [{ env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'nope', key: 'pass' } } }] }, 'secret "nope" not found'],
    [{ envFrom: [{ secretRef: { name: 'nope' } }] }, 'secret "nope" not found'],
    [{ envFrom: [{ configMapRef: { name: 'gone' } }] }, 'configmap "gone" not found'],
  ])('%j: %s', (fields, message) => {
    expect(environmentError(container(fields), 'ns', lookup)).toBe(message);
  });

  it('lets optional references and present keys pass', () => {
    const fields = {
      envFrom: [{ configMapRef: { name: 'gone', optional: true } }],
      env: [
        { name: 'A', valueFrom: { configMapKeyRef: { name: 'app', key: 'mode' } } },
        { name: 'B', valueFrom: { secretKeyRef: { name: 'creds', key: 'pass', optional: true } } },
        { name: 'C', value: 'plain' },
      ],
    };
    expect(environmentError(container(fields), 'ns', lookup)).toBeUndefined();
  });
});

describe('volume sources', () => {
  it.each([
    [[{ name: 'v', configMap: { name: 'gone' } }], { volume: 'v', error: 'configmap "gone" not found' }],
    [[{ name: 'v', secret: { secretName: 'nope' } }], { volume: 'v', error: 'secret "nope" not found' }],
    [[{ name: 'v', configMap: { name: 'app', items: [{ key: 'level', path: 'l' }] } }], { volume: 'v', error: 'configmap references non-existent config key: level' }],
    [[{ name: 'v', projected: { sources: [{ configMap: { name: 'app' } }, { secret: { name: 'nope' } }] } }], { volume: 'v', error: 'secret "nope" not found' }],
    [[{ name: 'v', configMap: { name: 'gone', optional: true } }, { name: 'w', emptyDir: {} }], undefined],
  ])('%j', (volumes, failure) => {
    expect(mountFailure(pod(volumes), lookup)).toEqual(failure);
  });

  it('retries a mount after 500 ms, doubling up to 2m2s', () => {
    expect([0, 1, 2, 7, 8, 30].map(mountRetryDelayMs)).toEqual([500, 1_000, 2_000, 64_000, 122_000, 122_000]);
  });
});
