import { kindTable } from '../../reducers/lookup.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import { describe, expect, it } from 'vitest';
import { ApiHarness, nodeManifest, replicaSetManifest } from '../support/api-harness.ts';

describe('node reducer', () => {
  it('parses allocatable once at registration, defaulting it to capacity', () => {
    const api = new ApiHarness();
    api.apply(nodeManifest('node-1', '2', '4Gi', '10'));
    expect(api.state.indexes.nodeAllocatable.get('node-1')).toEqual({ cpuMilli: 2000, memoryBytes: 4 * 2 ** 30, ephemeralStorageBytes: 0, pods: 10, scalar: {} });
  });

  it('cordons and uncordons, recording nothing when the node is already so', () => {
    const api = new ApiHarness();
    api.apply(nodeManifest('node-1'));
    expect(api.run({ type: 'setUnschedulable', actor: 'user', name: 'node-1', unschedulable: true }).map((e) => e.type)).toEqual(['node/cordoned']);
    expect(api.state.nodes.get('node-1')?.spec.unschedulable).toBe(true);
    expect(api.run({ type: 'setUnschedulable', actor: 'user', name: 'node-1', unschedulable: true })).toEqual([]);
    api.run({ type: 'setUnschedulable', actor: 'user', name: 'node-1', unschedulable: false });
    expect(api.state.nodes.get('node-1')?.spec.unschedulable).toBeUndefined();
  });
});

describe('replicaset reducer', () => {
  it('starts at generation 1 and bumps it on scale and on spec change, not on status', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 2));
    expect(kindTable<ReplicaSet>(api.state, 'ReplicaSet').get('default/web')?.metadata.generation).toBe(1);
    api.run({ type: 'scale', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web', replicas: 5 });
    expect(kindTable<ReplicaSet>(api.state, 'ReplicaSet').get('default/web')?.metadata.generation).toBe(2);
    api.run({ type: 'updateStatus', actor: 'controller/replicaset', kind: 'ReplicaSet', namespace: 'default', name: 'web', status: { replicas: 5 } });
    const stored = kindTable<ReplicaSet>(api.state, 'ReplicaSet').get('default/web');
    expect(stored?.metadata.generation).toBe(2);
    expect(stored?.status.replicas).toBe(5);
    expect(stored?.metadata.resourceVersion).toBe(String(api.state.rev));
  });

  it('removes a deleted replicaset', () => {
    const api = new ApiHarness();
    api.apply(replicaSetManifest('web', 1));
    api.run({ type: 'delete', actor: 'user', kind: 'ReplicaSet', namespace: 'default', name: 'web' });
    expect(kindTable<ReplicaSet>(api.state, 'ReplicaSet').size).toBe(0);
  });
});
