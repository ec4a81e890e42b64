// The ServiceAccount controller, and what a workload controller sees of the admission plugin.

import { describe, expect, it } from 'vitest';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import { serviceAccountController } from '../../../controllers/serviceaccount/index.ts';
import { lookupObject } from '../../../reducers/lookup.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';
import { replicaSetManifest } from '../../support/api-harness.ts';

describe('ServiceAccount controller', () => {
  it('gives a new namespace its default account, and makes it again when it is deleted', () => {
    const cluster = new ClusterHarness([serviceAccountController()]);
    const created = cluster.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    expect(created.filter((event) => event.type === 'object/created').map((event) => event.actor)).toEqual(['user', 'controller/serviceaccount']);
    cluster.run({ type: 'delete', actor: 'user', kind: 'ServiceAccount', namespace: 'shop', name: 'default' });
    expect(lookupObject(cluster.state, 'ServiceAccount', 'shop', 'default')).toBeDefined();
  });

  it('leaves a ReplicaSet whose pods name a missing account refused and retrying until it exists', () => {
    const cluster = new ClusterHarness([serviceAccountController(), replicaSetController()]);
    const manifest = replicaSetManifest('builder', 1) as { spec: { template: { spec: Record<string, unknown> } } };
    manifest.spec.template.spec.serviceAccountName = 'robot';
    const first = cluster.apply(manifest);
    const refused = first.filter((event) => event.type === 'request/rejected');
    expect(refused.map((event) => event.type === 'request/rejected' && event.message)).toEqual([
      expect.stringMatching(/^pods "builder-" is forbidden: error looking up service account default\/robot: serviceaccount "robot" not found$/),
    ]);
    expect(cluster.state.pods.size).toBe(0);
    cluster.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } }, 1_000);
    cluster.advance(5_000);
    expect([...cluster.state.pods.values()].map((pod) => pod.spec.serviceAccountName)).toEqual(['robot']);
  });
});
