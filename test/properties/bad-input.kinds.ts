// Sound manifests of the kinds ksim acts on, and generators that break them: metadata fields of
// the wrong type or value, and any field of any kind through its schema (schema-mutations.ts).

import fc from 'fast-check';
import { kindDefinition } from '../../kinds/registry.ts';
import { ObjectMeta } from '../../kinds/schema/meta.ts';
import type { Step } from '../../scenarios/codecs.ts';
import { applyMutations, mutation, type Mutation, setAt } from './schema-mutations.ts';

type Json = Record<string, unknown>;

const labels = { app: 'x' };
const podSpec = { containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] };
const template = { metadata: { labels }, spec: podSpec };
const batchTemplate = { metadata: { labels }, spec: { ...podSpec, restartPolicy: 'Never' } };
const selector = { matchLabels: labels };

/** One sound manifest of each kind a controller acts on, and a few it only stores. */
export const SOUND: Readonly<Record<string, Json>> = {
  Pod: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', labels }, spec: podSpec },
  ReplicaSet: { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'x' }, spec: { replicas: 2, selector, template } },
  Deployment: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { replicas: 2, selector, template } },
  StatefulSet: {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'x' },
    spec: { replicas: 2, serviceName: 'x', selector, template, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] },
  },
  DaemonSet: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'x' }, spec: { selector, template } },
  Job: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' }, spec: { completions: 2, parallelism: 1, template: batchTemplate } },
  CronJob: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'x' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: batchTemplate } } } },
  ReplicationController: { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'x' }, spec: { replicas: 2, selector: labels, template } },
  Node: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'x' }, spec: {}, status: { capacity: { cpu: '1', memory: '1Gi', pods: '10' } } },
  Service: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { selector: labels, ports: [{ port: 80 }] } },
  PersistentVolumeClaim: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'x' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
  ConfigMap: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } },
};

const KINDS = Object.keys(SOUND);

function fieldsOf(kind: string) {
  const definition = kindDefinition(kind);
  if (definition === undefined) throw new Error(`no kind ${kind}`);
  return definition.fields;
}

/** Replica-like counts stay small: a billion replicas is a real request, but one a test cannot wait for. */
const LARGE_COUNTS = new Set(['replicas', 'parallelism', 'completions', 'backoffLimit', 'backoffLimitPerIndex', 'maxFailedIndexes', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit', 'revisionHistoryLimit', 'pods']);

/** Every field of ObjectMeta, each with odd values of its own: a field added to the schema and not here is a failure. */
export function metadataFieldsIn(values: Readonly<Record<string, unknown>>): string[] {
  const fields = Object.keys(ObjectMeta.fields);
  const missing = fields.filter((field) => values[field] === undefined);
  if (missing.length > 0) throw new Error(`no odd values for metadata.${missing.join(', metadata.')}`);
  return fields;
}

export function oddValueOfMeta(): fc.Arbitrary<Mutation> {
  const owner = (fields: Json) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-1', ...fields });
  const values: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
    name: fc.constantFrom('', 'UPPER', 'a'.repeat(300), 'x.y', 'x'),
    generateName: fc.constantFrom('x-', 'Web-', '', '-'),
    namespace: fc.constantFrom('kube-system', 'nope', 'Bad_NS', ''),
    labels: fc.constantFrom({ 'bad key': 'v' }, { app: 'no spaces' }, { 'a/b/c': 'v' }, {}, { app: 'x', tier: '' }),
    annotations: fc.constantFrom({ '/x': 'v' }, { 'Example.com/Note': 'any' }, { a: 'x'.repeat(300) }),
    ownerReferences: fc.constantFrom(
      [owner({ uid: '' })],
      [owner({ controller: true }), owner({ uid: 'u-2', controller: true })],
      [owner({}), owner({})],
      [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }],
      [owner({ kind: 'Deployment', controller: true, blockOwnerDeletion: true })],
      [],
    ),
    finalizers: fc.constantFrom(['cleanup'], ['example.com/hold'], ['orphan', 'foregroundDeletion'], [''], ['orphan']),
    deletionTimestamp: fc.constantFrom('2025-01-01T00:00:00Z', 'soon'),
    deletionGracePeriodSeconds: fc.constantFrom(0, -1, 30),
    uid: fc.constantFrom('', 'mine'),
    resourceVersion: fc.constantFrom('', '0', '5', 'abc'),
    creationTimestamp: fc.constantFrom(null, '2020-01-01T00:00:00Z', 'then'),
    generation: fc.constantFrom(-1, 0, 7),
    managedFields: fc.constantFrom([{ manager: 'kubectl', operation: 'Patch' }], [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: {} }]),
    selfLink: fc.constantFrom('/api/v1/x'),
  };
  return fc.constantFrom(...metadataFieldsIn(values)).chain((field) =>
    fc.oneof({ weight: 3, arbitrary: values[field] as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withNullPrototype: false }) }).map((value) => ({ path: ['metadata', field], value })),
  );
}

const skipped = (path: readonly (string | number)[]) => LARGE_COUNTS.has(String(path[path.length - 1]));

/** A sound manifest of some kind with one to three things wrong in it. */
export const brokenManifest: fc.Arbitrary<Json> = fc.constantFrom(...KINDS).chain((kind) => {
  const changes = fc.oneof({ weight: 3, arbitrary: mutation(fieldsOf(kind), skipped) }, { weight: 1, arbitrary: oddValueOfMeta() });
  return fc.array(changes, { minLength: 1, maxLength: 3 }).map((mutations) => applyMutations(SOUND[kind] as Json, mutations));
});

/** A merge patch of one odd field of an object made from a sound manifest. */
export const brokenPatch: fc.Arbitrary<{ readonly kind: string; readonly patch: Json }> = fc.constantFrom(...KINDS).chain((kind) =>
  fc
    .oneof(mutation(fieldsOf(kind), skipped), oddValueOfMeta())
    .map(({ path, value }) => ({ kind, patch: setAt({}, path, value === undefined ? null : value) as Json })),
);

/**
 * Steps: sound objects first (so patches find them), then broken manifests and patches, one a
 * second. They are all in within 10 s, so a node they get deleted (an owner reference to nothing
 * makes the garbage collector take it) has its pods collected well before the minute is out.
 */
export function stepsOf(broken: readonly Json[], patches: readonly { readonly kind: string; readonly patch: Json }[]): Step[] {
  const sound = Object.values(SOUND).map((manifest, index) => ({ ...manifest, metadata: { ...(manifest.metadata as Json), name: `sound-${index}` } }));
  const steps: Step[] = sound.map((manifest) => ({ atMs: 0, action: 'apply', value: manifest }));
  broken.forEach((manifest, index) => steps.push({ atMs: (index + 1) * 1000, action: 'apply', value: manifest }));
  patches.forEach(({ kind, patch }, index) => {
    const name = `sound-${KINDS.indexOf(kind)}`;
    steps.push({ atMs: (broken.length + index + 1) * 1000, action: 'patch', value: { kind, name, patch } });
  });
  return steps;
}
