// What the API server does with fields a kind does not have (fieldValidation), with owner
// references given twice, and with kinds the cluster does not serve.

import { describe, expect, it } from 'vitest';
import type { FieldValidation } from '../../core/commands.ts';
import type { KsimEvent } from '../../core/events.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import { ApiHarness, podManifest, replicaSetManifest } from '../support/api-harness.ts';

const withTypo = () => ({ ...replicaSetManifest('web', 2), spec: { ...(replicaSetManifest('web', 2).spec as object), replica: 3 } });
const applyWith = (api: ApiHarness, manifest: unknown, fieldValidation?: FieldValidation) => api.run({ type: 'apply', actor: 'user', manifest, ...(fieldValidation === undefined ? {} : { fieldValidation }) });
const warnings = (events: KsimEvent[]) => events.flatMap((event) => (event.type === 'request/warned' ? event.warnings : []));
const refusal = (events: KsimEvent[]) => events.flatMap((event) => (event.type === 'request/rejected' ? [[event.code, event.message]] : []))[0];

describe('admission: unknown fields', () => {
  it('drops them with a warning each by default (fieldValidation=Warn)', () => {
    const api = new ApiHarness();
    const events = applyWith(api, withTypo());
    expect(events.map((event) => event.type)).toEqual(['object/created', 'request/warned']);
    expect(warnings(events)).toEqual(['unknown field "spec.replica"']);
    expect(lookupObject(api.state, 'ReplicaSet', 'default', 'web')?.spec).not.toHaveProperty('replica');
  });

  it('refuses the request under Strict, naming every unknown field', () => {
    const api = new ApiHarness();
    const manifest = { ...withTypo(), metadata: { name: 'web', lables: { a: 'b' } } };
    expect(refusal(applyWith(api, manifest, 'Strict'))).toEqual([
      400,
      'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: strict decoding error: unknown field "metadata.lables", unknown field "spec.replica"',
    ]);
    expect(lookupObject(api.state, 'ReplicaSet', 'default', 'web')).toBeUndefined();
  });

  it('drops them silently under Ignore', () => {
    const api = new ApiHarness();
    expect(applyWith(api, withTypo(), 'Ignore').map((event) => event.type)).toEqual(['object/created']);
  });

  it('warns on an apply that changes an existing object, and on a merge patch', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    expect(warnings(applyWith(api, withTypo()))).toEqual(['unknown field "spec.replica"']);
    const patch = { type: 'patch', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', patch: { spec: { replicass: 4 } } } as const;
    expect(warnings(api.run(patch))).toEqual(['unknown field "spec.replicass"']);
    const strict = refusal(api.run({ ...patch, fieldValidation: 'Strict' }));
    expect(strict?.[0]).toBe(422);
    expect(strict?.[1]).toMatch(/^ "" is invalid: patch: Invalid value: "\{.*\}": strict decoding error: unknown field "spec.replicass"$/);
  });

  it('refuses a patch that leaves a field of the wrong type, as upstream words it', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    const [event] = api.run({ type: 'patch', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', patch: { spec: { replicas: 'four' } } });
    expect(event?.type === 'request/rejected' && [event.code, event.message.replace(/"\{.*\}"/, '<object>')]).toEqual([
      422,
      ' "" is invalid: patch: Invalid value: <object>: json: cannot unmarshal string into Go struct field ReplicaSetSpec.spec.replicas of type int32',
    ]);
  });
});

describe('admission: owner references given twice', () => {
  it('keeps one of each and warns with the duplicate uids', () => {
    const api = new ApiHarness();
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-1' };
    const events = api.apply({ ...podManifest('p'), metadata: { name: 'p', ownerReferences: [owner, owner] } });
    expect(warnings(events)).toEqual([
      '.metadata.ownerReferences contains duplicate entries; API server dedups owner references in 1.20+, and may reject such requests as early as 1.24; please fix your requests; duplicate UID(s) observed: u-1',
    ]);
    expect(api.state.pods.get('default/p')?.metadata.ownerReferences).toEqual([owner]);
  });
});

describe('admission: kinds the cluster does not serve', () => {
  it('refuses them and names what ksim serves, with the nearest kind', () => {
    const api = new ApiHarness();
    const events = api.apply({ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'web' } });
    expect(refusal(events)).toEqual([400, 'no matches for kind "Deploymnet" in version "apps/v1"']);
    const [warning] = warnings(events);
    // The request names the manifest's object, so the story says which one was refused.
    expect(events.map((event) => (event.type === 'request/rejected' || event.type === 'request/warned' ? event.request : undefined))).toEqual([
      { verb: 'apply', kind: 'Deploymnet', name: 'web' },
      { verb: 'apply', kind: 'Deploymnet', name: 'web' },
    ]);
    expect(warning).toMatch(/^ksim does not serve kind "Deploymnet" in apps\/v1 \(did you mean Deployment\?\); it simulates ConfigMap, CronJob, DaemonSet, Deployment, EndpointSlice, Endpoints, Ingress, IngressClass, Job, LimitRange, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, PriorityClass, ReplicaSet, ReplicationController, ResourceQuota, Secret, Service, ServiceAccount, StatefulSet, StorageClass, and stores \d+ more kinds without acting on them$/);
  });

  it('says which version serves a known kind', () => {
    const api = new ApiHarness();
    expect(warnings(api.apply({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'web' } }))).toEqual(['ksim serves Deployment as apps/v1, not extensions/v1beta1']);
  });
});
