// The scenario format as io-ts codecs. This shape is a contract: extend it, never rename a field.
// Durations decode to milliseconds; a step is recognised by its one action key.

import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { parseDurationMs } from '../core/duration.ts';
import { parseQuantity } from '../core/quantity.ts';
import { ClusterSettingsCodec } from './cluster-settings.ts';
import { keyedBy } from './strict-keys.ts';
import { trafficAction } from './traffic-codec.ts';

export const DurationMs = new t.Type<number, string, unknown>(
  'a duration like 500ms, 90s, 5m or 1h',
  (value): value is number => typeof value === 'number',
  (value, context) => {
    const ms = typeof value === 'string' ? parseDurationMs(value) : typeof value === 'number' && value === 0 ? 0 : undefined;
    return ms === undefined ? t.failure(value, context) : t.success(ms);
  },
  (ms) => `${ms}ms`,
);

const Quantity = new t.Type<string, string, unknown>(
  'a quantity like "500m", "2", "8Gi"',
  (value): value is string => typeof value === 'string',
  (value, context) =>
    (typeof value === 'string' || typeof value === 'number') && parseQuantity(value) !== undefined && parseQuantity(value)! >= 0
      ? t.success(String(value))
      : t.failure(value, context),
  t.identity,
);

const WholeNumber = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'a whole number (0 or more)');
const PositiveNumber = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 1, 'a whole number (1 or more)');

const RequiredCapacity = t.type({ cpu: Quantity, memory: Quantity });
const OptionalCapacity = t.partial({ pods: WholeNumber, 'ephemeral-storage': Quantity });
const BaseCapacity = t.intersection([RequiredCapacity, OptionalCapacity]);
type CapacitySpec = t.TypeOf<typeof BaseCapacity> & { readonly [resource: string]: string | number | undefined };
const NATIVE_RESOURCES = new Set(['cpu', 'memory', 'pods', 'ephemeral-storage']);

/**
 * cpu and memory, and optionally pods, ephemeral-storage, hugepages-<size> and extended resources
 * (a domain-prefixed name such as example.com/dongle), each a quantity, as a node advertises them.
 */
const Capacity = new t.Type<CapacitySpec, unknown, unknown>(
  'Capacity',
  (value): value is CapacitySpec => BaseCapacity.is(value),
  (value, context) => {
    // The parts one by one, so that error paths read nodes[0].capacity.memory.
    const required = RequiredCapacity.validate(value, context);
    if (isLeft(required)) return required;
    const optional = OptionalCapacity.validate(value, context);
    if (isLeft(optional)) return optional;
    const extra: Record<string, string> = {};
    for (const [name, quantity] of Object.entries(value as Record<string, unknown>)) {
      if (NATIVE_RESOURCES.has(name)) continue;
      const at = [...context, { key: name, type: Quantity, actual: quantity }];
      if (!name.includes('/') && !name.startsWith('hugepages-')) {
        return t.failure(quantity, at, 'expected cpu, memory, pods, ephemeral-storage, hugepages-<size> or an extended resource such as example.com/dongle');
      }
      const decoded = Quantity.validate(quantity, at);
      if (isLeft(decoded)) return decoded;
      extra[name] = decoded.right;
    }
    return t.success({ ...(value as Record<string, unknown>), ...required.right, ...optional.right, ...extra } as CapacitySpec);
  },
  t.identity,
);

const Taint = t.intersection([
  t.type({ key: t.string, effect: t.keyof({ NoSchedule: null, PreferNoSchedule: null, NoExecute: null }) }),
  t.partial({ value: t.string }),
]);

const NodeCommon = t.intersection([
  t.type({ capacity: Capacity }),
  t.partial({ allocatable: Capacity, labels: t.record(t.string, t.string), taints: t.array(Taint), unschedulable: t.boolean }),
]);

const NamedNode = t.intersection([t.type({ name: t.string }), NodeCommon]);
const NodeSeries = t.intersection([t.type({ namePrefix: t.string, count: PositiveNumber }), NodeCommon]);

/** A single node (`name`) or a numbered series (`namePrefix` and `count`), told apart by their keys. */
export const NodeGroup = keyedBy(new t.Type<t.TypeOf<typeof NamedNode> | t.TypeOf<typeof NodeSeries>, unknown, unknown>(
  'NodeGroup',
  (value): value is t.TypeOf<typeof NamedNode> | t.TypeOf<typeof NodeSeries> => NamedNode.is(value) || NodeSeries.is(value),
  (value, context) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return t.failure(value, context, 'expected a node: an object with name (or namePrefix and count) and capacity');
    if ('name' in value) return NamedNode.validate(value, [...context, { key: '', type: NamedNode, actual: value }]);
    if ('namePrefix' in value) return NodeSeries.validate(value, [...context, { key: '', type: NodeSeries, actual: value }]);
    return t.failure(value, context, 'expected `name`, or `namePrefix` and `count`');
  },
  t.identity,
  // A `count` says a series too, so a misspelt namePrefix is named as such rather than count.
), (value) => (('namePrefix' in value || 'count' in value) && !('name' in value) ? NodeSeries : NamedNode));

export const ImageBehaviourSpec = t.partial({
  pull: DurationMs,
  start: DurationMs,
  ready: DurationMs,
  runFor: DurationMs,
  crashAfter: DurationMs,
  stop: DurationMs,
  exitCode: t.number,
  livenessFailsAfter: DurationMs,
  startupTakes: DurationMs,
  probeOutput: t.string,
  probeTakes: DurationMs,
  missing: t.boolean,
  size: Quantity,
});

const Manifest = t.UnknownRecord;

const ScaleAction = t.intersection([t.type({ kind: t.string, name: t.string, replicas: WholeNumber }), t.partial({ namespace: t.string })]);

const PropagationPolicy = t.keyof({ Background: null, Foreground: null, Orphan: null }, 'Background, Foreground or Orphan');

const DeleteAction = t.intersection([
  t.type({ kind: t.string }),
  t.partial({ name: t.string, selector: t.string, namespace: t.string, gracePeriodSeconds: WholeNumber, propagationPolicy: PropagationPolicy }),
]);

const Target = { kind: t.string, name: t.string };

/** kubectl rollout: exactly one of undo, pause, resume, restart, with the object it acts on. */
const RolloutAction = t.intersection([
  t.type({ ...Target, action: t.keyof({ undo: null, pause: null, resume: null, restart: null }, 'undo, pause, resume or restart') }),
  t.partial({ namespace: t.string, toRevision: WholeNumber }),
]);

const SetImageAction = t.intersection([t.type({ ...Target, container: t.string, image: t.string }), t.partial({ namespace: t.string })]);

const PatchAction = t.intersection([t.type({ ...Target, patch: t.UnknownRecord }), t.partial({ namespace: t.string })]);

export const Expectation = t.intersection([
  t.type({ kind: t.string }),
  t.partial({ name: t.string, namespace: t.string, selector: t.string, path: t.string, equals: t.unknown, count: WholeNumber }),
]);

/** Each action a step may take, by its key. */
export const stepActions = {
  apply: t.union([Manifest, t.array(Manifest)]),
  applyFile: t.string,
  scale: ScaleAction,
  delete: DeleteAction,
  rollout: RolloutAction,
  setImage: SetImageAction,
  patch: PatchAction,
  cordon: t.string,
  uncordon: t.string,
  expect: t.array(Expectation),
  traffic: trafficAction(DurationMs),
} as const;

export type StepActionKey = keyof typeof stepActions;
const ACTION_KEYS = Object.keys(stepActions) as StepActionKey[];

export type Step = { readonly atMs: number } & {
  [K in StepActionKey]: { readonly action: K; readonly value: t.TypeOf<(typeof stepActions)[K]> };
}[StepActionKey];

type Json = Record<string, unknown>;

/** The keys a step may have: `at` and the actions (one of them, which StepCodec checks). */
const StepKeys = t.partial({ at: DurationMs, ...stepActions });

export const StepCodec = keyedBy(new t.Type<Step, Json, unknown>(
  'Step',
  (value): value is Step => typeof value === 'object' && value !== null && 'action' in value,
  (value, context) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return t.failure(value, context, 'expected a step: an object with `at` and one action');
    const record = value as Json;
    const at = DurationMs.validate(record.at, [...context, { key: 'at', type: DurationMs, actual: record.at }]);
    if (isLeft(at)) return at;
    const present = ACTION_KEYS.filter((key) => key in record);
    const unknown = Object.keys(record).filter((key) => key !== 'at' && !(ACTION_KEYS as string[]).includes(key));
    if (unknown.length > 0) return t.failure(value, context, `unknown field ${JSON.stringify(unknown[0])}; a step has \`at\` and one of ${ACTION_KEYS.join(', ')}`);
    if (present.length !== 1) return t.failure(value, context, `expected exactly one action (${ACTION_KEYS.join(', ')}), found ${present.length === 0 ? 'none' : present.join(' and ')}`);
    const action = present[0] as StepActionKey;
    const codec = stepActions[action] as t.Mixed;
    const decoded = codec.validate(record[action], [...context, { key: action, type: codec, actual: record[action] }]);
    if (isLeft(decoded)) return decoded;
    return t.success({ atMs: at.right, action, value: decoded.right } as Step);
  },
  (step) => ({ at: `${step.atMs}ms`, [step.action]: step.value }),
), () => StepKeys);

/** The simulated storage: how long a dynamic provisioner takes to create a volume. */
export const StorageSpec = t.partial({ provisioningTime: DurationMs });

export const ScenarioCodec = t.intersection([
  t.type({ name: t.string }),
  t.partial({
    description: t.string,
    seed: WholeNumber,
    until: DurationMs,
    nodes: t.array(NodeGroup),
    /** The cluster's Service network and load balancer pool. */
    cluster: ClusterSettingsCodec,
    images: t.record(t.string, ImageBehaviourSpec),
    storage: StorageSpec,
    steps: t.array(StepCodec),
    /** Refuse, rather than warn about, unknown fields in manifests, and fail the run on any refusal or warning. */
    strict: t.boolean,
    /** ksim's ingress controller (IngressClass controller ksim.io/ingress): the address it writes into each Ingress it serves. */
    ingressController: t.type({ address: t.string }),
  }),
]);

export type Scenario = t.TypeOf<typeof ScenarioCodec>;
export type NodeGroupSpec = t.TypeOf<typeof NodeGroup>;
export type ExpectationSpec = t.TypeOf<typeof Expectation>;
export type ImageBehaviourInput = t.TypeOf<typeof ImageBehaviourSpec>;
