import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/prng.ts';
import { sendBatch } from '../../../controllers/traffic/batch.ts';
import { requestsIn, type TrafficFlow, type TrafficSource } from '../../../controllers/traffic/flow.ts';
import type { KubeObject } from '../../../core/objects.ts';
import { KSIM_INGRESS_CONTROLLER } from '../../../kinds/networking/ingress-class.ts';
import { stateWith } from '../../support/reduce-events.ts';
import { ingress, ingressClass, runningPod, service, slice } from '../../support/networking.ts';
import { nodeObject } from '../../replay/builders.ts';

const NOW_MS = 10_000;
const readyAt = (image: string) => (image === 'slow:1' ? 20_000 : 0);

function flow(to: string, from: TrafficSource = { kind: 'pod', namespace: 'default', name: 'client' }): TrafficFlow {
  return { name: 'load', atMs: 0, durationMs: 10_000, perSecond: 100, from, to, namespace: 'default' };
}

const base: KubeObject[] = [
  nodeObject('n1'),
  nodeObject('n2'),
  runningPod('client', 'n1'),
  runningPod('web-1', 'n1'),
  runningPod('web-2', 'n2'),
  service('web', { type: 'NodePort', clusterIP: '10.96.0.20', ports: [{ port: 80, nodePort: 30080 }] }),
];

function send(objects: readonly KubeObject[], target: TrafficFlow, requests = 1000, seed = 7) {
  return sendBatch(target, requests, 1000, { state: stateWith(...objects), nowMs: NOW_MS, rng: new Rng(seed, 'test'), readyAfterMs: readyAt });
}

const webSlice = (extra: Parameters<typeof slice>[2] = []) => slice('web-a', 'web', [{ ip: '10.128.1.2', node: 'n1', pod: 'web-1' }, { ip: '10.128.2.2', node: 'n2', pod: 'web-2' }, ...extra]);

describe('a batch of traffic', () => {
  it('spreads requests at random over the ready endpoints, every request counted once', () => {
    const record = send([...base, webSlice()], flow('web'));
    expect(record.requests).toBe(1000);
    expect(record.failed).toEqual({});
    expect(Object.keys(record.served)).toEqual(['default/web-1', 'default/web-2']);
    expect(record.served['default/web-1']! + record.served['default/web-2']!).toBe(1000);
    // Uniform: each share is within a few standard deviations (about 16) of 500.
    expect(Math.abs(record.served['default/web-1']! - 500)).toBeLessThan(80);
  });

  it('draws the same endpoints from the same seed, and others from another', () => {
    expect(send([...base, webSlice()], flow('web'))).toEqual(send([...base, webSlice()], flow('web')));
    expect(send([...base, webSlice()], flow('web'), 1000, 8)).not.toEqual(send([...base, webSlice()], flow('web')));
  });

  it("fails the share of an endpoint whose pod is being deleted, gone, or not answering yet, as the slice still lists them", () => {
    const objects = [
      nodeObject('n1'),
      runningPod('client', 'n1'),
      runningPod('web-1', 'n1', { deleting: true }),
      runningPod('web-3', 'n1', { image: 'slow:1' }),
      service('web', { clusterIP: '10.96.0.20', ports: [{ port: 80 }] }),
      slice('web-a', 'web', [{ ip: '10.128.1.2', pod: 'web-1' }, { ip: '10.128.2.2', pod: 'web-2' }, { ip: '10.128.1.3', pod: 'web-3' }]),
    ];
    const record = send(objects, flow('web'), 300);
    expect(record.served).toEqual({});
    expect(Object.keys(record.failed)).toEqual(['notAnswering', 'podGone', 'podTerminating']);
    expect(Object.values(record.failed).reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('fails every request when the Service has no usable endpoint, or the name resolves to nothing', () => {
    expect(send(base, flow('web'), 5).failed).toEqual({ noEndpoint: 5 });
    expect(send(base, flow('nothing-here'), 5).failed).toEqual({ unresolved: 5 });
    expect(send(base, flow('web:8443'), 5).failed).toEqual({ unresolved: 5 });
  });

  it('sends nothing from a pod that does not run', () => {
    expect(send([...base, webSlice()], flow('web', { kind: 'pod', namespace: 'default', name: 'ghost' }), 5).failed).toEqual({ sourceGone: 5 });
  });

  it("reaches a node port through that node's rules, keeping to its own endpoints under externalTrafficPolicy Local", () => {
    const local = service('web', { type: 'NodePort', clusterIP: '10.96.0.20', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30080 }] });
    const objects = [...base.filter((o) => o.kind !== 'Service'), local, webSlice()];
    expect(send(objects, flow('n2:30080', { kind: 'external' }), 50).served).toEqual({ 'default/web-2': 50 });
  });

  it('does not reach a cluster IP from outside the cluster', () => {
    expect(send([...base, webSlice()], flow('10.96.0.20:80', { kind: 'external' }), 5).failed).toEqual({ unresolved: 5 });
    expect(send([...base, webSlice()], flow('10.96.0.20:80'), 5).failed).toEqual({});
  });

  it('routes an Ingress host and path to its backend, and fails a path with no route', () => {
    const objects = [...base, webSlice(), ingressClass('ksim', KSIM_INGRESS_CONTROLLER, true), ingress('shop', { rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/cart', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] })];
    expect(Object.values(send(objects, flow('shop.example.com/cart/1', { kind: 'external' }), 40).served).reduce((a, b) => a + b, 0)).toBe(40);
    expect(send(objects, flow('shop.example.com/admin', { kind: 'external' }), 4).failed).toEqual({ noRoute: 4 });
  });

  it('lets an ExternalName Service send requests out of the cluster to its host', () => {
    expect(send([...base, service('db', { type: 'ExternalName', externalName: 'db.example.com' })], flow('db'), 3).served).toEqual({ 'db.example.com': 3 });
  });

  it('connects straight to the addresses of a headless Service', () => {
    const objects = [...base, service('db', { clusterIP: 'None', ports: [{ port: 5432 }] }), slice('db-a', 'db', [{ ip: '10.128.1.2', pod: 'web-1', hostname: 'db-0' }], { '': 5432 })];
    expect(send(objects, flow('db-0.db'), 6).served).toEqual({ 'default/web-1': 6 });
  });
});

describe('requests in an interval', () => {
  it('carries a fraction of a request from one interval to the next', () => {
    const slow: TrafficFlow = { ...flow('web'), perSecond: 0.5, durationMs: 5_000 };
    expect([0, 1, 2, 3, 4].map((index) => requestsIn(slow, index))).toEqual([0, 1, 0, 1, 0]);
  });

  it('sends a last partial second in proportion', () => {
    const partial: TrafficFlow = { ...flow('web'), perSecond: 100, durationMs: 2_500 };
    expect([0, 1, 2].map((index) => requestsIn(partial, index))).toEqual([100, 100, 50]);
  });
});
