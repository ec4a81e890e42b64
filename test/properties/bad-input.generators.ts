// Generators of manifests with junk in the fields the controllers read, for the bad-input property.

import fc from 'fast-check';
import type { Scenario } from '../../scenarios/codecs.ts';

const junk = fc.anything({ maxDepth: 3, withNullPrototype: false });
/** A required field: mostly sound, sometimes junk, so one bad field at a time gets past the others. */
const mostly = <T>(sound: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: sound }, { weight: 1, arbitrary: junk });
/** An optional field: absent, sound, or junk. */
const optional = <T>(sound: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: sound }, { weight: 1, arbitrary: junk });

const container = fc.record({
  name: mostly(fc.constant('app')),
  image: mostly(fc.constant('app:1')),
  resources: optional(fc.constantFrom({ requests: { cpu: '100m' } }, { limits: { 'example.com/dongle': '1' } })),
  ports: optional(fc.array(fc.record({ containerPort: mostly(fc.constant(80)), hostPort: optional(fc.constant(8080)), protocol: optional(fc.constant('TCP')) }), { maxLength: 2 })),
  restartPolicy: optional(fc.constant('Always')),
});

const labelSelector = optional(fc.record({ matchLabels: optional(fc.constant({ app: 'p' })), matchExpressions: optional(fc.array(fc.record({ key: mostly(fc.constant('app')), operator: mostly(fc.constantFrom('In', 'Exists')), values: optional(fc.constant(['p'])) }), { maxLength: 2 })) }));

const podAffinityTerm = fc.record({
  labelSelector,
  namespaceSelector: labelSelector,
  namespaces: optional(fc.constant(['default'])),
  topologyKey: mostly(fc.constant('kubernetes.io/hostname')),
  matchLabelKeys: optional(fc.constant(['app'])),
});

const podAffinity = fc.record({
  requiredDuringSchedulingIgnoredDuringExecution: optional(fc.array(mostly(podAffinityTerm), { maxLength: 2 })),
  preferredDuringSchedulingIgnoredDuringExecution: optional(fc.array(fc.record({ weight: mostly(fc.constant(10)), podAffinityTerm: mostly(podAffinityTerm) }), { maxLength: 2 })),
});

const spreadConstraint = fc.record({
  maxSkew: mostly(fc.constant(1)),
  topologyKey: mostly(fc.constantFrom('kubernetes.io/hostname', 'zone')),
  whenUnsatisfiable: mostly(fc.constantFrom('DoNotSchedule', 'ScheduleAnyway')),
  labelSelector,
  minDomains: optional(fc.constant(2)),
  nodeTaintsPolicy: optional(fc.constant('Honor')),
  matchLabelKeys: optional(fc.constant(['app'])),
});

const nodeAffinity = fc.record({
  requiredDuringSchedulingIgnoredDuringExecution: optional(
    fc.record({ nodeSelectorTerms: mostly(fc.array(fc.record({ matchExpressions: mostly(fc.array(fc.record({ key: mostly(fc.constant('k')), operator: mostly(fc.constantFrom('In', 'Gt', 'Exists')), values: optional(fc.constant(['1'])) }))) }))) }),
  ),
  preferredDuringSchedulingIgnoredDuringExecution: optional(fc.array(fc.record({ weight: mostly(fc.constant(10)), preference: mostly(fc.record({ matchExpressions: junk })) }))),
});

const podSpec = fc.record({
  containers: mostly(fc.array(container, { minLength: 1, maxLength: 2 })),
  restartPolicy: optional(fc.constantFrom('Always', 'Never', 'OnFailure')),
  nodeSelector: optional(fc.constant({ k: 'v' })),
  tolerations: optional(fc.array(fc.record({ key: mostly(fc.constant('k')), operator: mostly(fc.constant('Exists')), effect: mostly(fc.constant('NoSchedule')) }))),
  affinity: optional(fc.record({ nodeAffinity: optional(nodeAffinity), podAffinity: optional(podAffinity), podAntiAffinity: optional(podAffinity) })),
  topologySpreadConstraints: optional(fc.array(mostly(spreadConstraint), { maxLength: 2 })),
  schedulingGates: optional(fc.array(mostly(fc.record({ name: mostly(fc.constant('example.com/gate')) })), { maxLength: 2 })),
  initContainers: optional(fc.array(container, { maxLength: 2 })),
  overhead: optional(fc.constant({ cpu: '10m' })),
  terminationGracePeriodSeconds: optional(fc.constant(5)),
  nodeName: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant('n1') }, { weight: 1, arbitrary: junk }),
});

export const manifest = fc.oneof(
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Pod'), metadata: mostly(fc.constant({ name: 'p' })), spec: mostly(podSpec) }),
  fc.record({
    apiVersion: fc.constant('apps/v1'),
    kind: fc.constant('ReplicaSet'),
    metadata: fc.constant({ name: 'rs' }),
    spec: fc.record({ // Junk here is never a large valid count: a billion replicas is a real (if unwise) request.
    replicas: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: -2, max: 3 }) }, { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constant(2 ** 40), fc.constant(1.5), fc.object()) }), selector: fc.oneof(fc.constant({ matchLabels: { a: 'b' } }), junk), template: fc.record({ metadata: fc.constant({ labels: { a: 'b' } }), spec: podSpec }) }, { requiredKeys: [] }),
  }),
  fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Node'), metadata: fc.constant({ name: 'extra' }), spec: mostly(fc.record({ taints: optional(fc.array(fc.record({ key: mostly(fc.constant('t')), effect: mostly(fc.constant('NoSchedule')) }))), unschedulable: optional(fc.boolean()) })), status: fc.oneof(fc.constant({ capacity: { cpu: '1', memory: '1Gi' } }), junk) }),
  junk,
);

export function scenarioOf(manifests: unknown[]): Scenario {
  return {
    name: 'bad-input',
    until: 60_000,
    nodes: [{ name: 'n1', capacity: { cpu: '2', memory: '2Gi' }, taints: [{ key: 'k', value: 'v', effect: 'PreferNoSchedule' }] }],
    steps: manifests.map((value, index) => ({ atMs: index * 1000, action: 'apply', value: value as Record<string, unknown> })),
  };
}

export const manifestsArbitrary = fc.array(manifest, { minLength: 1, maxLength: 6 });
