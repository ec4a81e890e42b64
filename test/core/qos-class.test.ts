// QoS classes by upstream's rules (TestComputePodQOS in pkg/apis/core/v1/helper/qos/qos_test.go).

import { describe, expect, it } from 'vitest';
import type { Container, PodSpec } from '../../core/objects.ts';
import { podQosClass } from '../../core/qos-class.ts';
import { container } from '../controllers/kubelet/builders.ts';

const both = { cpu: '100m', memory: '100Mi' };

function spec(containers: Container[], initContainers?: Container[]): PodSpec {
  return { containers, ...(initContainers === undefined ? {} : { initContainers }) };
}

describe('podQosClass', () => {
  it('is BestEffort when no container asks for anything', () => {
    expect(podQosClass(spec([container('a'), container('b')]))).toBe('BestEffort');
  });

  it('is BestEffort when every quantity is zero', () => {
    expect(podQosClass(spec([container('a', 'nginx', { requests: { cpu: '0', memory: '0' } })]))).toBe(
      'BestEffort',
    );
  });

  it('ignores resources other than cpu and memory', () => {
    expect(
      podQosClass(
        spec([
          container('a', 'nginx', { requests: { 'nvidia.com/gpu': '1' }, limits: { 'nvidia.com/gpu': '1' } }),
        ]),
      ),
    ).toBe('BestEffort');
  });

  it('is Guaranteed when every container limits cpu and memory at its requests', () => {
    const pod = spec([
      container('a', 'nginx', { requests: both, limits: both }),
      container('b', 'nginx', { requests: both, limits: both }),
    ]);
    expect(podQosClass(pod)).toBe('Guaranteed');
  });

  it('is Guaranteed with limits alone, since requests default to limits', () => {
    expect(podQosClass(spec([container('a', 'nginx', { limits: both })]))).toBe('Guaranteed');
  });

  it('compares quantities by value, not by spelling', () => {
    expect(
      podQosClass(
        spec([
          container('a', 'nginx', {
            requests: { cpu: '0.1', memory: '100Mi' },
            limits: { cpu: '100m', memory: '104857600' },
          }),
        ]),
      ),
    ).toBe('Guaranteed');
  });

  it('is Burstable when requests are below limits', () => {
    expect(
      podQosClass(
        spec([container('a', 'nginx', { requests: { cpu: '50m', memory: '100Mi' }, limits: both })]),
      ),
    ).toBe('Burstable');
  });

  it('is Burstable when one container has no limits', () => {
    expect(
      podQosClass(spec([container('a', 'nginx', { requests: both, limits: both }), container('b')])),
    ).toBe('Burstable');
  });

  it('is Burstable when a container limits only cpu', () => {
    expect(
      podQosClass(spec([container('a', 'nginx', { requests: { cpu: '100m' }, limits: { cpu: '100m' } })])),
    ).toBe('Burstable');
  });

  it('counts init containers too', () => {
    const pod = spec(
      [container('a', 'nginx', { limits: both })],
      [container('init', 'busybox', { requests: { memory: '10Mi' } })],
    );
    expect(podQosClass(pod)).toBe('Burstable');
  });
});
