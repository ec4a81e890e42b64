// Services and Endpoints (core/v1), EndpointSlices (discovery.k8s.io/v1), Ingresses, IngressClasses
// and NetworkPolicies (networking.k8s.io/v1).
// Field names and Go types as in upstream v1.34's types.go; see field-types.ts.

import { str, s, bool, int32, intOrString, list, map, struct } from './field-types.ts';
import { Condition, LabelSelector, object } from './meta.ts';
import { ObjectReference, TypedLocalObjectReference } from './refs.ts';

export const ClientIPConfig = struct('ClientIPConfig', { timeoutSeconds: int32 });
export const EndpointAddress = struct('EndpointAddress', { ip: str, hostname: str, nodeName: str, targetRef: ObjectReference });
export const EndpointPort = struct('EndpointPort', { name: str, port: int32, protocol: s('Protocol'), appProtocol: str });
export const EndpointSubset = struct('EndpointSubset', { addresses: list(EndpointAddress), notReadyAddresses: list(EndpointAddress), ports: list(EndpointPort) });
export const ENDPOINTS_FIELDS = object('Endpoints', { subsets: list(EndpointSubset) });
export const PortStatus = struct('PortStatus', { port: int32, protocol: s('Protocol'), error: str });
export const LoadBalancerIngress = struct('LoadBalancerIngress', { ip: str, hostname: str, ipMode: s('LoadBalancerIPMode'), ports: list(PortStatus) });
export const LoadBalancerStatus = struct('LoadBalancerStatus', { ingress: list(LoadBalancerIngress) });
export const ServicePort = struct('ServicePort', { name: str, protocol: s('Protocol'), appProtocol: str, port: int32, targetPort: intOrString, nodePort: int32 });
export const SessionAffinityConfig = struct('SessionAffinityConfig', { clientIP: ClientIPConfig });
export const ServiceSpec = struct('ServiceSpec', {
  ports: list(ServicePort), selector: map(str), clusterIP: str, clusterIPs: list(str), type: s('ServiceType'), externalIPs: list(str),
  sessionAffinity: s('ServiceAffinity'), loadBalancerIP: str, loadBalancerSourceRanges: list(str), externalName: str,
  externalTrafficPolicy: s('ServiceExternalTrafficPolicy'), healthCheckNodePort: int32, publishNotReadyAddresses: bool,
  sessionAffinityConfig: SessionAffinityConfig, ipFamilies: list(s('IPFamily')), ipFamilyPolicy: s('IPFamilyPolicy'), allocateLoadBalancerNodePorts: bool,
  loadBalancerClass: str, internalTrafficPolicy: s('ServiceInternalTrafficPolicy'), trafficDistribution: str,
});
export const ServiceStatus = struct('ServiceStatus', { loadBalancer: LoadBalancerStatus, conditions: list(Condition) });
export const SERVICE_FIELDS = object('Service', { spec: ServiceSpec, status: ServiceStatus });
export const EndpointConditions = struct('EndpointConditions', { ready: bool, serving: bool, terminating: bool });
export const ForZone = struct('ForZone', { name: str });
export const ForNode = struct('ForNode', { name: str });
export const EndpointHints = struct('EndpointHints', { forZones: list(ForZone), forNodes: list(ForNode) });
export const Endpoint = struct('Endpoint', {
  addresses: list(str), conditions: EndpointConditions, hostname: str, targetRef: ObjectReference, deprecatedTopology: map(str), nodeName: str, zone: str,
  hints: EndpointHints,
});
export const DiscoveryEndpointPort = struct('EndpointPort', { name: str, protocol: s('Protocol'), port: int32, appProtocol: str });
export const ENDPOINT_SLICE_FIELDS = object('EndpointSlice', { addressType: s('AddressType'), endpoints: list(Endpoint), ports: list(DiscoveryEndpointPort) });
export const ServiceBackendPort = struct('ServiceBackendPort', { name: str, number: int32 });
export const IngressServiceBackend = struct('IngressServiceBackend', { name: str, port: ServiceBackendPort });
export const IngressBackend = struct('IngressBackend', { service: IngressServiceBackend, resource: TypedLocalObjectReference });
export const HTTPIngressPath = struct('HTTPIngressPath', { path: str, pathType: s('PathType'), backend: IngressBackend });
export const HTTPIngressRuleValue = struct('HTTPIngressRuleValue', { paths: list(HTTPIngressPath) });
export const IPBlock = struct('IPBlock', { cidr: str, except: list(str) });
export const IngressTLS = struct('IngressTLS', { hosts: list(str), secretName: str });
export const IngressRuleValue = struct('IngressRuleValue', { http: HTTPIngressRuleValue });
export const IngressRule = struct('IngressRule', { host: str, ...IngressRuleValue.fields });
export const IngressSpec = struct('IngressSpec', { ingressClassName: str, defaultBackend: IngressBackend, tls: list(IngressTLS), rules: list(IngressRule) });
export const IngressPortStatus = struct('IngressPortStatus', { port: int32, protocol: s('Protocol'), error: str });
export const IngressLoadBalancerIngress = struct('IngressLoadBalancerIngress', { ip: str, hostname: str, ports: list(IngressPortStatus) });
export const IngressLoadBalancerStatus = struct('IngressLoadBalancerStatus', { ingress: list(IngressLoadBalancerIngress) });
export const IngressStatus = struct('IngressStatus', { loadBalancer: IngressLoadBalancerStatus });
export const INGRESS_FIELDS = object('Ingress', { spec: IngressSpec, status: IngressStatus });
export const IngressClassParametersReference = struct('IngressClassParametersReference', { apiGroup: str, kind: str, name: str, scope: str, namespace: str });
export const IngressClassSpec = struct('IngressClassSpec', { controller: str, parameters: IngressClassParametersReference });
export const INGRESS_CLASS_FIELDS = object('IngressClass', { spec: IngressClassSpec });
export const NetworkPolicyPort = struct('NetworkPolicyPort', { protocol: s('Protocol'), port: intOrString, endPort: int32 });
export const NetworkPolicyPeer = struct('NetworkPolicyPeer', { podSelector: LabelSelector, namespaceSelector: LabelSelector, ipBlock: IPBlock });
export const NetworkPolicyIngressRule = struct('NetworkPolicyIngressRule', { ports: list(NetworkPolicyPort), from: list(NetworkPolicyPeer) });
export const NetworkPolicyEgressRule = struct('NetworkPolicyEgressRule', { ports: list(NetworkPolicyPort), to: list(NetworkPolicyPeer) });
export const NetworkPolicySpec = struct('NetworkPolicySpec', { podSelector: LabelSelector, ingress: list(NetworkPolicyIngressRule), egress: list(NetworkPolicyEgressRule), policyTypes: list(s('PolicyType')) });
export const NETWORK_POLICY_FIELDS = object('NetworkPolicy', { spec: NetworkPolicySpec });
