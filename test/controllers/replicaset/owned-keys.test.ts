// The memo of each ReplicaSet's sorted pod keys must never return a stale list.

import { describe, expect, it } from 'vitest';
import { replicaSetController } from '../../../controllers/replicaset/index.ts';
import { memoizedOwnedKeys } from '../../../controllers/replicaset/owned-keys.ts';
import { apply, contextAt, ownedBy, pod, record, replicaSet, stateWith } from './builders.ts';

const rs = replicaSet({ replicas: 3 });

describe('owned keys memo', () => {
  it('reuses the sorted keys while the pods-by-owner index is unchanged', () => {
    const ownedKeys = memoizedOwnedKeys();
    const state = stateWith(rs, pod('b', { owners: [ownedBy(rs)] }), pod('a', { owners: [ownedBy(rs)] }));
    const first = ownedKeys(state, 'uid-web');
    const reported = apply(state, {
      type: 'pod/statusUpdated',
      namespace: 'default',
      name: 'a',
      status: { phase: 'Running' },
    });
    expect([first, ownedKeys(reported, 'uid-web') === first]).toEqual([['default/a', 'default/b'], true]);
  });

  it('lets a controller see the pods created since its last sync', () => {
    const controller = replicaSetController();
    const before = stateWith(rs, pod('a', { owners: [ownedBy(rs)] }));
    controller.reconcile('default/web', contextAt(before));
    const after = apply(before, { type: 'pod/created', object: pod('b', { owners: [ownedBy(rs)] }) });
    expect(record(controller.reconcile('default/web', contextAt(after))).creates).toHaveLength(1);
  });
});
