// Metadata validation with upstream's messages (ValidateObjectMeta, ValidateObjectMetaUpdate and
// core's finalizer-name rule): bad metadata is a rejection, never a crash.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import { ApiHarness, nodeManifest, podManifest } from '../support/api-harness.ts';

function refusal(events: KsimEvent[]): string {
  const event = events.find((candidate) => candidate.type === 'request/rejected');
  if (event?.type !== 'request/rejected') throw new Error(`expected a rejection, got ${events.map((e) => e.type).join(', ')}`);
  return event.message;
}

const pod = (metadata: Record<string, unknown>) => ({ ...podManifest('p'), metadata: { name: 'p', ...metadata } });
const owner = (fields: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-1', ...fields });
const QUALIFIED = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('admission: metadata of the wrong type', () => {
  it('refuses owner references that are not a list, and every other mistyped field, at decoding', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(pod({ ownerReferences: 5 })))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.ownerReferences of type []v1.OwnerReference',
    );
    expect(refusal(api.apply(pod({ finalizers: 'x' })))).toContain('Go struct field ObjectMeta.metadata.finalizers of type []string');
    expect(refusal(api.apply(pod({ generation: 'one' })))).toContain('Go struct field ObjectMeta.metadata.generation of type int64');
    expect(refusal(api.apply(pod({ uid: 7 })))).toContain('Go struct field ObjectMeta.metadata.uid of type types.UID');
    expect(refusal(api.apply(pod({ ownerReferences: [owner({ controller: 'yes' })] })))).toContain('Go struct field OwnerReference.metadata.ownerReferences.controller of type bool');
  });
});

describe('admission: ValidateObjectMeta', () => {
  it('checks each owner reference and allows one controller', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(pod({ ownerReferences: [owner({ uid: '', apiVersion: 'apps/' })] })))).toBe(
      'Pod "p" is invalid: [metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty, metadata.ownerReferences.uid: Invalid value: "": must not be empty]',
    );
    expect(refusal(api.apply(pod({ ownerReferences: [owner({ controller: true }), owner({ uid: 'u-2', name: 'other', controller: true })] })))).toBe(
      'Pod "p" is invalid: metadata.ownerReferences: Invalid value: [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"rs","uid":"u-1","controller":true},{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"other","uid":"u-2","controller":true}]: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/rs and ReplicaSet/other',
    );
    expect(refusal(api.apply(pod({ ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u' }] })))).toBe(
      'Pod "p" is invalid: metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"e","uid":"u"}: /v1, Kind=Event is disallowed from being an owner',
    );
  });

  it('wants finalizers fully qualified unless standard, and not both propagation finalizers', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(pod({ finalizers: ['cleanup'] })))).toBe('Pod "p" is invalid: metadata.finalizers[0]: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified');
    expect(refusal(api.apply(pod({ finalizers: ['orphan', 'foregroundDeletion'] })))).toBe(
      'Pod "p" is invalid: metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set',
    );
    expect(refusal(api.apply(pod({ finalizers: [''] })))).toBe(
      `Pod "p" is invalid: [metadata.finalizers: Invalid value: "": name part must be non-empty, metadata.finalizers: Invalid value: "": ${QUALIFIED}, metadata.finalizers[0]: Invalid value: "": name is neither a standard finalizer name nor is it fully qualified]`,
    );
    expect(api.apply(pod({ finalizers: ['example.com/cleanup'] })).map((event) => event.type)).toEqual(['pod/created']);
  });

  it('checks label and annotation keys and values with the full upstream messages', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(pod({ labels: { 'bad key': 'v' } })))).toBe(`Pod "p" is invalid: metadata.labels: Invalid value: "bad key": ${QUALIFIED}`);
    expect(refusal(api.apply(pod({ labels: { app: 'no spaces' } })))).toBe(
      "Pod \"p\" is invalid: metadata.labels: Invalid value: \"no spaces\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
    expect(refusal(api.apply(pod({ annotations: { '/x': 'v' } })))).toBe('Pod "p" is invalid: metadata.annotations: Invalid value: "/x": prefix part must be non-empty');
    expect(refusal(api.apply(pod({ annotations: { big: 'x'.repeat(256 * 1024) } })))).toBe('Pod "p" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes');
    expect(api.apply(pod({ annotations: { 'Example.COM/Note': 'any value at all' } })).map((event) => event.type)).toEqual(['pod/created']);
  });

  it('checks generateName as a prefix, managed fields, and a negative generation', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply({ ...podManifest('x'), metadata: { generateName: 'Web-' } }))).toMatch(/^Pod "Web-[a-z0-9]{5}" is invalid: \[metadata.generateName: Invalid value: "Web-": a lowercase RFC 1123 subdomain/);
    expect(refusal(api.apply(pod({ managedFields: [{ manager: 'kubectl', operation: 'Patch', fieldsType: 'FieldsV2' }] })))).toBe(
      'Pod "p" is invalid: [metadata.managedFields[0].operation: Invalid value: "Patch": must be `Apply` or `Update`, metadata.managedFields[0].fieldsType: Invalid value: "FieldsV2": must be `FieldsV1`]',
    );
    expect(refusal(api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', generation: -1 } }))).toBe('ConfigMap "c" is invalid: metadata.generation: Invalid value: -1: must be greater than or equal to 0');
  });

  it('reports metadata and spec errors together, as the strategies do', () => {
    const api = new ApiHarness();
    const manifest = { ...pod({ labels: { 'bad key': 'v' } }), spec: { containers: [] } };
    expect(refusal(api.apply(manifest))).toBe(`Pod "p" is invalid: [metadata.labels: Invalid value: "bad key": ${QUALIFIED}, spec.containers: Required value]`);
  });

  it('refuses a create that carries a resourceVersion, as etcd does, and takes the system fields from the server', () => {
    const api = new ApiHarness();
    const [refused] = api.apply(pod({ resourceVersion: '42' }));
    expect(refused?.type === 'request/rejected' && [refused.code, refused.message]).toEqual([500, 'resourceVersion should not be set on objects to be created']);
    api.apply(pod({ uid: 'mine', creationTimestamp: '2020-01-01T00:00:00Z', resourceVersion: '0' }), 5_000);
    expect(api.state.pods.get('default/p')?.metadata).toMatchObject({ creationTimestamp: '2025-01-01T00:00:05Z' });
    expect(api.state.pods.get('default/p')?.metadata.uid).not.toBe('mine');
  });

  it('drops the namespace of a cluster-scoped object', () => {
    const api = new ApiHarness();
    api.apply({ ...nodeManifest('n'), metadata: { name: 'n', namespace: 'default' } });
    expect(api.state.nodes.get('n')?.metadata.namespace).toBeUndefined();
  });

  it('validates metadata on updates too, and refuses a new finalizer on an object being deleted', () => {
    const api = new ApiHarness();
    api.apply(pod({ finalizers: ['example.com/hold'] }));
    expect(refusal(api.apply(pod({ labels: { 'bad key': 'v' }, finalizers: ['example.com/hold'] })))).toBe(`Pod "p" is invalid: metadata.labels: Invalid value: "bad key": ${QUALIFIED}`);
    api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'p' });
    expect(refusal(api.apply(pod({ finalizers: ['example.com/hold', 'example.com/more'] })))).toBe(
      'Pod "p" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/more"}',
    );
  });
});

describe('admission: what an update may not change', () => {
  const stored = (api: ApiHarness) => {
    const current = api.state.pods.get('default/p');
    if (current === undefined) throw new Error('no pod');
    return current;
  };

  it('refuses a changed uid, and a deletion timestamp or grace period the object does not have (ValidateObjectMetaUpdate)', () => {
    const api = new ApiHarness();
    api.apply(pod({}));
    const current = stored(api);
    expect(refusal(api.apply(pod({ uid: 'other' })))).toBe('Pod "p" is invalid: metadata.uid: Invalid value: "other": field is immutable');
    expect(refusal(api.apply(pod({ deletionTimestamp: '2025-01-01T00:00:00Z' })))).toBe('Pod "p" is invalid: metadata.deletionTimestamp: Invalid value: "2025-01-01T00:00:00Z": field is immutable');
    expect(refusal(api.apply(pod({ deletionGracePeriodSeconds: 30 })))).toBe('Pod "p" is invalid: metadata.deletionGracePeriodSeconds: Invalid value: 30: field is immutable');
    // An update whose uid is not the object's fails its precondition instead, as in the registry's store.
    const [conflicted] = api.run({ type: 'update', actor: 'user', object: { ...current, metadata: { ...current.metadata, uid: 'other' } } });
    expect(conflicted?.type === 'request/rejected' && conflicted.code).toBe(409);
    // The same uid, or none, is no change: the server keeps its own.
    expect(api.apply(pod({ uid: current.metadata.uid, labels: { tier: 'a' } })).map((event) => event.type)).toEqual(['pod/updated']);
    expect(stored(api).metadata.uid).toBe(current.metadata.uid);
  });

  it('refuses a body that names another object than the request (checkName)', () => {
    const api = new ApiHarness();
    api.apply(pod({}));
    const [renamed] = api.run({ type: 'patch', actor: 'user', kind: 'Pod', namespace: 'default', name: 'p', patch: { metadata: { name: 'q' } } });
    expect(renamed?.type === 'request/rejected' && [renamed.code, renamed.message]).toEqual([400, 'the name of the object (q) does not match the name on the URL (p)']);
    const [moved] = api.run({ type: 'patch', actor: 'user', kind: 'Pod', namespace: 'default', name: 'p', patch: { metadata: { namespace: 'kube-system' } } });
    expect(moved?.type === 'request/rejected' && [moved.code, moved.message]).toEqual([400, 'the namespace of the provided object (kube-system) does not match the namespace sent on the request (default)']);
  });

  it('replaces the fields an update leaves out, as a PUT does, but keeps the status', () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } });
    expect(api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }).map((event) => event.type)).toEqual(['object/updated']);
    expect(api.state.objects.get('ConfigMap')?.get('default/c')).not.toHaveProperty('data');
  });
});

describe('admission: node resources', () => {
  it('refuses negative amounts and fractional counts in capacity and allocatable (ValidateNodeResources)', () => {
    const api = new ApiHarness();
    const node = (status: Record<string, unknown>) => ({ ...nodeManifest('n'), status });
    expect(refusal(api.apply(node({ capacity: { cpu: '4', memory: '8Gi', pods: '1.5' }, allocatable: { cpu: '-1' } })))).toBe(
      'Node "n" is invalid: [status.capacity.pods: Invalid value: "1.5": must be an integer, status.allocatable.cpu: Invalid value: "-1": must be greater than or equal to 0]',
    );
    expect(refusal(api.apply(node({ capacity: { cpu: '4', 'example.com/dongle': '500m' } })))).toBe('Node "n" is invalid: status.capacity.example.com/dongle: Invalid value: "500m": must be an integer');
    expect(api.apply(node({ capacity: { cpu: '500m', memory: '1.5Gi' } })).map((event) => event.type)).toEqual(['node/joined']);
  });
});
