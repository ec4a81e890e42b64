// ReplicationControllers run on the ReplicaSet controller through a ReplicaSet view of them: an
// equality-based selector, pods created and deleted to spec.replicas, the status written on the
// ReplicationController, and its own actor and Events.

import { describe, expect, it } from 'vitest';
import { replicationController } from '../../../controllers/replicaset/index.ts';
import type { ReplicationController } from '../../../core/workloads.ts';
import { kindTable } from '../../../reducers/lookup.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';

const manifest = (replicas: number) => ({
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'nginx' },
  spec: { replicas, selector: { app: 'nginx' }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
});

function podsOf(cluster: ClusterHarness): string[] {
  return cluster.state.pods.sortedValues().map((pod) => pod.metadata.name);
}

describe('ReplicationController', () => {
  it('keeps spec.replicas pods named after it and reports them in its status', () => {
    const cluster = new ClusterHarness([replicationController()]);
    cluster.apply(manifest(3));
    expect(podsOf(cluster)).toHaveLength(3);
    expect(podsOf(cluster).every((name) => name.startsWith('nginx-'))).toBe(true);
    const rc = kindTable<ReplicationController>(cluster.state, 'ReplicationController').get('default/nginx');
    expect(rc?.status).toMatchObject({ replicas: 3, observedGeneration: 1 });
    expect(cluster.events.some((event) => event.type === 'event/recorded' && event.source === 'replicationcontroller-controller' && event.reason === 'SuccessfulCreate')).toBe(true);
  });

  it('takes its selector and labels from the template when it gives none, as upstream defaults them', () => {
    const cluster = new ClusterHarness([replicationController()]);
    const { selector: _selector, ...spec } = manifest(1).spec;
    cluster.apply({ ...manifest(1), spec });
    const rc = kindTable<ReplicationController>(cluster.state, 'ReplicationController').get('default/nginx');
    expect([rc?.spec.selector, rc?.metadata.labels]).toEqual([{ app: 'nginx' }, { app: 'nginx' }]);
    expect(podsOf(cluster)).toHaveLength(1);
  });

  it('deletes the surplus when scaled down', () => {
    const cluster = new ClusterHarness([replicationController()]);
    cluster.apply(manifest(3));
    cluster.run({ type: 'scale', actor: 'user', kind: 'ReplicationController', namespace: 'default', name: 'nginx', replicas: 1 });
    expect(podsOf(cluster)).toHaveLength(1);
  });
});
