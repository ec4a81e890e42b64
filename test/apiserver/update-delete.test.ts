import { kindTable } from '../../reducers/lookup.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import { describe, expect, it } from 'vitest';
import { ApiHarness, nodeManifest, podManifest, replicaSetManifest } from '../support/api-harness.ts';

function boundPod(api: ApiHarness, name = 'web') {
  api.apply(nodeManifest('node-1'));
  api.apply(podManifest(name));
  api.run({ type: 'bindPod', actor: 'kube-scheduler', namespace: 'default', name, nodeName: 'node-1' });
}

describe('admission: apply to an existing object', () => {
  it('records nothing when the manifest changes nothing', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    expect(api.apply(replicaSetManifest('web', 2))).toEqual([]);
  });

  it('bumps generation on a spec change and keeps status', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    api.run({ type: 'updateStatus', actor: 'controller/replicaset', kind: 'ReplicaSet', namespace: 'default', name: 'web', status: { replicas: 2 } });
    expect(api.apply(replicaSetManifest('web', 3)).map((e) => e.type)).toEqual(['object/updated']);
    const stored = kindTable<ReplicaSet>(api.state, 'ReplicaSet').get('default/web');
    expect(stored?.metadata.generation).toBe(2);
    expect(stored?.status.replicas).toBe(2);
  });

  it('refuses to change a ReplicaSet selector', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    const [event] = api.apply(replicaSetManifest('web', 2, { app: 'other' }));
    expect(event?.type === 'request/rejected' && event.message).toMatch(/^ReplicaSet.apps "web" is invalid: spec.selector: Invalid value: .*: field is immutable$/);
  });

  it('lets a pod change labels but not its spec', () => {
    const api = new ApiHarness();
    boundPod(api);
    expect(api.apply(podManifest('web', { labels: { tier: 'front' } })).map((e) => e.type)).toEqual(['pod/updated']);
    const [event] = api.apply(podManifest('web', { cpu: '1' }));
    expect(event?.type === 'request/rejected' && event.message).toMatch(/^Pod "web" is invalid: spec: Forbidden: pod updates may not change fields/);
  });

  it('stores an empty spec when a node is updated to none', () => {
    const api = new ApiHarness();
    api.apply({ ...nodeManifest('node-1'), spec: { taints: [] } });
    expect(api.apply({ ...nodeManifest('node-1'), spec: undefined }).map((e) => e.type)).toEqual(['node/updated']);
    expect(api.state.nodes.get('node-1')?.spec).toEqual({});
  });

  it('refuses an apply that names a stale resourceVersion', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    const stale = { ...replicaSetManifest('web', 3), metadata: { name: 'web', resourceVersion: '1' } };
    const [event] = api.apply(stale);
    expect(event?.type === 'request/rejected' && [event.code, event.reason]).toEqual([409, 'Conflict']);
  });
});

describe('admission: deletion', () => {
  it('deletes a pod on a node gracefully, with its grace period', () => {
    const api = new ApiHarness();
    boundPod(api);
    const events = api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'web' }, 10_000);
    expect(events.map((e) => e.type)).toEqual(['pod/deletionRequested']);
    expect(api.state.pods.get('default/web')?.metadata).toMatchObject({ deletionTimestamp: '2025-01-01T00:00:40Z', deletionGracePeriodSeconds: 30 });
  });

  it('deletes an unscheduled pod at once', () => {
    const api = new ApiHarness();
    api.apply(podManifest('web'));
    expect(api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'web' }).map((e) => e.type)).toEqual(['pod/deleted']);
  });

  it('honours a uid precondition, as DeleteOptions.preconditions does', () => {
    const api = new ApiHarness();
    boundPod(api);
    const [event] = api.run({ type: 'delete', actor: 'kubelet/node-1', kind: 'Pod', namespace: 'default', name: 'web', gracePeriodSeconds: 0, uid: 'not-the-uid' });
    expect(event?.type === 'request/rejected' && event.message).toMatch(/^Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: not-the-uid, UID in object meta: /);
  });

  it('never lengthens a grace period already running', () => {
    const api = new ApiHarness();
    boundPod(api);
    api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'web', gracePeriodSeconds: 10 });
    expect(api.run({ type: 'delete', actor: 'user', kind: 'Pod', namespace: 'default', name: 'web', gracePeriodSeconds: 60 })).toEqual([]);
  });

  it('deletes by selector and refuses to delete the default namespace', () => {
    const api = new ApiHarness();
    api.apply(podManifest('a', { labels: { app: 'web' } }));
    api.apply(podManifest('b', { labels: { app: 'web' } }));
    api.apply(podManifest('c', { labels: { app: 'db' } }));
    api.run({ type: 'deleteCollection', actor: 'user', kind: 'Pod', selector: { matchLabels: { app: 'web' } } });
    expect(api.state.pods.sortedKeys()).toEqual(['default/c']);
    const [event] = api.run({ type: 'delete', actor: 'user', kind: 'Namespace', name: 'default' });
    expect(event?.type === 'request/rejected' && event.message).toBe('namespaces "default" is forbidden: this namespace may not be deleted');
  });
});

describe('admission: binding', () => {
  it('refuses to bind a pod twice', () => {
    const api = new ApiHarness();
    boundPod(api);
    const [event] = api.run({ type: 'bindPod', actor: 'kube-scheduler', namespace: 'default', name: 'web', nodeName: 'node-2' });
    expect(event?.type === 'request/rejected' && event.message).toBe('Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"');
  });

  it('refuses a negative scale in upstream words', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 1));
    const [event] = api.run({ type: 'scale', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', replicas: -1 });
    expect(event?.type === 'request/rejected' && event.message).toBe('ReplicaSet.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
  });
});

describe('admission: 32-bit replica counts', () => {
  it('refuses replicas past 2147483647, on create and on scale', () => {
    const api = new ApiHarness();
    const huge = replicaSetManifest('big', 2 ** 40);
    const [created] = api.apply(huge);
    // A body is decoded into Go's int32 before validation: the number does not fit.
    expect(created?.type === 'request/rejected' && [created.code, created.message]).toEqual([
      400,
      'ReplicaSet in version "v1" cannot be handled as a ReplicaSet: json: cannot unmarshal number 1099511627776 into Go struct field ReplicaSetSpec.spec.replicas of type int32',
    ]);
    api.apply(replicaSetManifest('web', 1));
    const [scaled] = api.run({ type: 'scale', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', replicas: 2 ** 31 });
    expect(scaled?.type === 'request/rejected' && scaled.code).toBe(422);
  });
});

describe('admission: preconditions on subresources', () => {
  it('refuses a status update that names a stale resourceVersion, and takes the current one', () => {
    const api = new ApiHarness();
    boundPod(api);
    const current = api.state.pods.get('default/web')?.metadata.resourceVersion;
    const stale = { type: 'updatePodStatus', actor: 'kubelet/node-1', namespace: 'default', name: 'web', status: { phase: 'Running' }, resourceVersion: '1' } as const;
    const [refused] = api.run(stale);
    expect(refused?.type === 'request/rejected' && refused.message).toBe(
      'Operation cannot be fulfilled on pods "web": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(api.run({ ...stale, resourceVersion: current }).map((event) => event.type)).toEqual(['pod/statusUpdated']);
  });
});

describe('admission: the scale subresource', () => {
  it('scales a kind with a scale subresource, bumping its generation, and refuses a kind without one', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    expect(api.run({ type: 'scale', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', replicas: 5 }).map((e) => e.type)).toEqual(['object/scaled']);
    const stored = kindTable<ReplicaSet>(api.state, 'ReplicaSet').get('default/web');
    expect([stored?.metadata.generation, stored?.spec.replicas]).toEqual([2, 5]);
    api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: {} });
    const [refused] = api.run({ type: 'scale', actor: 'user', kind: 'ConfigMap', namespace: 'default', name: 'settings', replicas: 1 });
    expect(refused?.type === 'request/rejected' && [refused.code, refused.message]).toEqual([400, 'ConfigMap "settings" has no scale subresource']);
  });
});
