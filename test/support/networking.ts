// Builders for Services, EndpointSlices, Ingresses and running pods in upstream's shape, made
// by hand as the Service and EndpointSlice controllers would write them.

import type { KubeObject, Pod } from '../../core/objects.ts';
import type { EndpointSlice, Ingress, IngressClass, Service, SliceEndpoint } from '../../kinds/networking/shapes.ts';

let serial = 0;

function meta(name: string, namespace: string | undefined, extra: Record<string, unknown> = {}) {
  serial++;
  return { name, ...(namespace === undefined ? {} : { namespace }), uid: `uid-${name}-${serial}`, creationTimestamp: '2025-01-01T00:00:00Z', ...extra };
}

export function service(name: string, spec: Service['spec'], namespace = 'default', status?: Service['status']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta(name, namespace), spec, ...(status === undefined ? {} : { status }) };
}

export interface EndpointSpec {
  readonly ip: string;
  readonly node?: string;
  readonly pod?: string;
  readonly ready?: boolean;
  readonly serving?: boolean;
  readonly terminating?: boolean;
  readonly hostname?: string;
}

export function sliceEndpoint({ ip, node, pod, ready = true, serving, terminating = false, hostname }: EndpointSpec, namespace = 'default'): SliceEndpoint {
  return {
    addresses: [ip],
    conditions: { ready, serving: serving ?? ready, terminating },
    ...(node === undefined ? {} : { nodeName: node }),
    ...(hostname === undefined ? {} : { hostname }),
    ...(pod === undefined ? {} : { targetRef: { kind: 'Pod', namespace, name: pod } }),
  };
}

/** A slice of a Service's endpoints, its ports by name (the unnamed port is ""). */
export function slice(name: string, serviceName: string, endpoints: readonly EndpointSpec[], ports: Readonly<Record<string, number>> = { '': 8080 }, namespace = 'default'): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: meta(name, namespace, { labels: { 'kubernetes.io/service-name': serviceName } }),
    addressType: 'IPv4',
    ports: Object.entries(ports).map(([portName, port]) => ({ ...(portName === '' ? {} : { name: portName }), port, protocol: 'TCP' as const })),
    endpoints: endpoints.map((endpoint) => sliceEndpoint(endpoint, namespace)),
  };
}

export function ingress(name: string, spec: Ingress['spec'], namespace = 'default'): Ingress {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: meta(name, namespace), spec };
}

export function ingressClass(name: string, controller: string, isDefault = false): IngressClass {
  const annotations = isDefault ? { annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } } : {};
  return { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: meta(name, undefined, annotations), spec: { controller } };
}

/** A pod running on a node since `startedAt`, its one container on `image`. */
export function runningPod(name: string, node: string, options: { startedAt?: string; image?: string; deleting?: boolean; namespace?: string } = {}): Pod {
  const { startedAt = '2025-01-01T00:00:01Z', image = 'nginx:1.27', deleting = false, namespace = 'default' } = options;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(name, namespace, deleting ? { deletionTimestamp: '2025-01-01T00:00:05Z', deletionGracePeriodSeconds: 30 } : {}),
    spec: { nodeName: node, containers: [{ name: 'app', image }] },
    status: {
      phase: 'Running',
      containerStatuses: [{ name: 'app', image, ready: true, restartCount: 0, state: { running: { startedAt } } }],
    },
  } as unknown as Pod;
}

export type { KubeObject };
