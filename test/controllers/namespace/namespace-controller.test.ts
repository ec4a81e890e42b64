// The namespace controller empties a deleted namespace, reports what remains in upstream's words,
// waits for pods' grace periods, then finalizes it.

import { describe, expect, it } from 'vitest';
import type { Namespace } from '../../../core/objects.ts';
import { namespaceController } from '../../../controllers/namespace/index.ts';
import { failingConditions, nextConditions } from '../../../controllers/namespace/conditions.ts';
import type { KindContent } from '../../../controllers/namespace/content.ts';
import { serviceAccountController } from '../../../controllers/serviceaccount/index.ts';
import { lookupObject } from '../../../reducers/lookup.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';
import { podManifest, replicaSetManifest } from '../../support/api-harness.ts';

const content = (resourceDotGroup: string, finalizers: string[][]): KindContent => ({
  kind: 'X',
  resourceDotGroup,
  groupVersionResource: '',
  objects: finalizers.map((list, index) => ({ apiVersion: 'v1', kind: 'X', metadata: { name: `x${index}`, uid: `u${index}`, creationTimestamp: '2025-01-01T00:00:00Z', finalizers: list } })),
});

describe('namespace conditions', () => {
  it('says what remains, sorted, as ProcessContentTotals does', () => {
    const remaining = [content('replicasets.apps', [['foregroundDeletion']]), content('pods.', [[], []])];
    const finalizers = new Map([['foregroundDeletion', 1]]);
    expect(failingConditions(remaining, finalizers, [])).toEqual([
      { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances, replicasets.apps has 1 resource instances' },
      { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizerRemain', message: 'Some finalizers are remaining: foregroundDeletion in 1 resource instances' },
    ]);
  });

  it('writes all five types, the clear ones False, and moves a time only when the status flips', () => {
    const first = nextConditions([], failingConditions([content('pods.', [[]])], new Map(), []), 1_000);
    expect(first.map((condition) => [condition.type, condition.status])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False'],
      ['NamespaceDeletionContentFailure', 'False'],
      ['NamespaceContentRemaining', 'True'],
      ['NamespaceFinalizersRemaining', 'False'],
    ]);
    const later = nextConditions(first, [], 9_000);
    expect(later[0]?.lastTransitionTime).toBe(first[0]?.lastTransitionTime);
    expect(later[3]).toMatchObject({ status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' });
    expect(later[3]?.lastTransitionTime).not.toBe(first[3]?.lastTransitionTime);
  });
});

describe('namespace controller', () => {
  it('deletes what is in the namespace, waits for the pods, then the namespace goes', () => {
    const cluster = new ClusterHarness([serviceAccountController(), namespaceController()]);
    cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    cluster.apply({ ...replicaSetManifest('web', 0), metadata: { name: 'web', namespace: 'shop' } });
    // A pod on a node is deleted gracefully; no kubelet runs here, so it stays until its grace ends.
    cluster.apply({ ...podManifest('bound', { nodeName: 'node-1' }), metadata: { name: 'bound', namespace: 'shop' } });
    cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' } });
    expect(lookupObject(cluster.state, 'ServiceAccount', 'shop', 'default')).toBeDefined();
    cluster.run({ type: 'delete', actor: 'user', kind: 'Namespace', name: 'shop' }, 1_000);
    expect(lookupObject(cluster.state, 'ReplicaSet', 'shop', 'web')).toBeUndefined();
    expect(lookupObject(cluster.state, 'ConfigMap', 'shop', 'settings')).toBeUndefined();
    expect(lookupObject(cluster.state, 'ServiceAccount', 'shop', 'default')).toBeUndefined();
    const terminating = lookupObject<Namespace>(cluster.state, 'Namespace', undefined, 'shop');
    expect(terminating?.status.conditions?.find((condition) => condition.type === 'NamespaceContentRemaining')?.message).toBe('Some resources are remaining: pods. has 1 resource instances');
    // The pod's 30 s grace: the controller looks again after 30/2 + 1 = 16 s, still there; then its estimate is spent.
    cluster.advance(60_000);
    expect(cluster.state.pods.get('shop/bound')).toBeDefined();
    const stuck = lookupObject<Namespace>(cluster.state, 'Namespace', undefined, 'shop');
    expect(stuck?.status.conditions?.find((condition) => condition.type === 'NamespaceDeletionContentFailure')?.message).toBe(
      'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: shop for gvr: /v1, Resource=pods',
    );
    cluster.run({ type: 'delete', actor: 'kubelet/node-1', kind: 'Pod', namespace: 'shop', name: 'bound', gracePeriodSeconds: 0 });
    cluster.advance(120_000);
    expect(lookupObject(cluster.state, 'Namespace', undefined, 'shop')).toBeUndefined();
  });
});
