// NodeUnschedulable, as upstream's nodeunschedulable/node_unschedulable_test.go checks it.

import { describe, expect, it } from 'vitest';
import { nodeUnschedulableFilter } from '../../../controllers/scheduler/plugins/node-unschedulable.ts';
import type { Toleration } from '../../../core/objects.ts';
import { infoOf, makeNode, makePod, viewOf } from './builders.ts';

function filter(unschedulable: boolean, tolerations: Toleration[] = []): string | undefined {
  return nodeUnschedulableFilter(
    infoOf(makePod('p', { tolerations })),
    viewOf(makeNode('n', { unschedulable })),
  );
}

describe('NodeUnschedulable filter', () => {
  it('rejects a cordoned node with the upstream reason', () => {
    expect(filter(true)).toBe('node(s) were unschedulable');
  });

  it('admits a node that is not cordoned', () => {
    expect(filter(false)).toBeUndefined();
  });

  it('admits a cordoned node for a pod that tolerates the unschedulable taint', () => {
    const toleration: Toleration = {
      key: 'node.kubernetes.io/unschedulable',
      operator: 'Exists',
      effect: 'NoSchedule',
    };
    expect(filter(true, [toleration])).toBeUndefined();
  });
});
