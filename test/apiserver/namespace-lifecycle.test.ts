// NamespaceLifecycle admission and the namespace registry's delete, with upstream's messages.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Namespace } from '../../core/objects.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import { ApiHarness, podManifest } from '../support/api-harness.ts';

function rejection(events: readonly KsimEvent[]) {
  const event = events.find((candidate) => candidate.type === 'request/rejected');
  if (event?.type !== 'request/rejected') throw new Error(`expected a rejection, got ${events.map((e) => e.type).join(', ')}`);
  return { code: event.code, reason: event.reason, message: event.message };
}

const namespaceManifest = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const deleteNamespace = (name: string) => ({ type: 'delete' as const, actor: 'user', kind: 'Namespace', name });
const namespaceOf = (api: ApiHarness, name: string) => lookupObject<Namespace>(api.state, 'Namespace', undefined, name);

describe('namespace lifecycle', () => {
  it('refuses content for a namespace that does not exist with a 404 on the namespace', () => {
    const api = new ApiHarness();
    expect(rejection(api.apply({ ...podManifest('web'), metadata: { name: 'web', namespace: 'nowhere' } }))).toEqual({ code: 404, reason: 'NotFound', message: 'namespaces "nowhere" not found' });
  });

  it('marks a deleted namespace Terminating in one write, its finalizer holding it', () => {
    const api = new ApiHarness();
    api.apply(namespaceManifest('shop'));
    const events = api.run(deleteNamespace('shop'), 5_000);
    expect(events.map((event) => event.type)).toEqual(['object/updated']);
    const namespace = namespaceOf(api, 'shop');
    expect(namespace?.status.phase).toBe('Terminating');
    expect(namespace?.metadata.deletionTimestamp).toBe('2025-01-01T00:00:05Z');
    expect(namespace?.spec?.finalizers).toEqual(['kubernetes']);
  });

  it('refuses new content in a Terminating namespace with a 403', () => {
    const api = new ApiHarness();
    api.apply(namespaceManifest('shop'));
    api.run(deleteNamespace('shop'));
    expect(rejection(api.apply({ ...podManifest('web'), metadata: { name: 'web', namespace: 'shop' } }))).toEqual({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "web" is forbidden: unable to create new content in namespace shop because it is being terminated',
    });
  });

  it('answers a second delete with a Conflict while the namespace controller still holds it', () => {
    const api = new ApiHarness();
    api.apply(namespaceManifest('shop'));
    api.run(deleteNamespace('shop'));
    expect(rejection(api.run(deleteNamespace('shop')))).toEqual({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on namespaces "shop": The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
    });
  });

  it('removes a marked namespace when the finalize subresource takes the last finalizer away', () => {
    const api = new ApiHarness();
    api.apply(namespaceManifest('shop'));
    api.run(deleteNamespace('shop'));
    const events = api.run({ type: 'removeFinalizer', actor: 'controller/namespace', kind: 'Namespace', name: 'shop', finalizer: 'kubernetes' });
    expect(events.map((event) => event.type)).toEqual(['object/updated', 'object/deleted']);
    expect(namespaceOf(api, 'shop')).toBeUndefined();
  });

  it('keeps spec.finalizers through an apply of the namespace, as only finalize may change them', () => {
    const api = new ApiHarness();
    api.apply(namespaceManifest('shop'));
    api.apply({ ...namespaceManifest('shop'), metadata: { name: 'shop', labels: { team: 'a' } }, spec: { finalizers: [] } });
    expect(namespaceOf(api, 'shop')?.spec?.finalizers).toEqual(['kubernetes']);
  });

  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    it(`refuses to delete ${name}`, () => {
      const api = new ApiHarness();
      api.apply(namespaceManifest(name));
      expect(rejection(api.run(deleteNamespace(name)))).toEqual({ code: 403, reason: 'Forbidden', message: `namespaces "${name}" is forbidden: this namespace may not be deleted` });
    });
  }
});
