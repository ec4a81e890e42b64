// The networking objects as ksim reads them: core/v1 Service, discovery.k8s.io/v1 EndpointSlice,
// networking.k8s.io/v1 Ingress and IngressClass, in upstream's shape. Only the fields kube-proxy,
// cluster DNS and the ingress controller read are typed; whoever fills them (a manifest, or the
// Service and EndpointSlice controllers) is none of these readers' business.

import type { KubeObject } from '../../core/objects.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ServicePort {
  readonly name?: string;
  readonly protocol?: Protocol;
  readonly port: number;
  readonly targetPort?: number | string;
  readonly nodePort?: number;
}

export interface LoadBalancerIngress {
  readonly ip?: string;
  readonly hostname?: string;
}

export interface Service extends KubeObject {
  readonly spec?: {
    readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    readonly clusterIP?: string;
    readonly ports?: readonly ServicePort[];
    readonly selector?: Readonly<Record<string, string>>;
    readonly externalName?: string;
    readonly externalIPs?: readonly string[];
    readonly internalTrafficPolicy?: 'Cluster' | 'Local';
    readonly externalTrafficPolicy?: 'Cluster' | 'Local';
    readonly publishNotReadyAddresses?: boolean;
  };
  readonly status?: { readonly loadBalancer?: { readonly ingress?: readonly LoadBalancerIngress[] } };
}

export interface EndpointConditions {
  readonly ready?: boolean;
  readonly serving?: boolean;
  readonly terminating?: boolean;
}

export interface SliceEndpoint {
  readonly addresses: readonly string[];
  readonly conditions?: EndpointConditions;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly targetRef?: { readonly kind?: string; readonly namespace?: string; readonly name?: string };
}

export interface EndpointPort {
  readonly name?: string;
  readonly protocol?: Protocol;
  readonly port?: number;
}

export interface EndpointSlice extends KubeObject {
  readonly addressType?: string;
  readonly endpoints?: readonly SliceEndpoint[];
  readonly ports?: readonly EndpointPort[];
}

export interface ServiceBackend {
  readonly name: string;
  readonly port?: { readonly name?: string; readonly number?: number };
}

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressPath {
  readonly path?: string;
  readonly pathType?: PathType;
  readonly backend: { readonly service?: ServiceBackend };
}

export interface IngressRule {
  readonly host?: string;
  readonly http?: { readonly paths?: readonly IngressPath[] };
}

export interface Ingress extends KubeObject {
  readonly spec?: {
    readonly ingressClassName?: string;
    readonly defaultBackend?: { readonly service?: ServiceBackend };
    readonly tls?: readonly { readonly hosts?: readonly string[] }[];
    readonly rules?: readonly IngressRule[];
  };
  readonly status?: { readonly loadBalancer?: { readonly ingress?: readonly LoadBalancerIngress[] } };
}

export interface IngressClass extends KubeObject {
  readonly spec?: { readonly controller?: string };
}

/** The label that ties an EndpointSlice to its Service (discovery.k8s.io/v1's LabelServiceName). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A Service whose clusterIP is "None": DNS answers with its endpoints, kube-proxy programs nothing. */
export function isHeadless(service: Service): boolean {
  return service.spec?.clusterIP === 'None';
}
