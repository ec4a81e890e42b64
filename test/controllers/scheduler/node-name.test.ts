// NodeName: a pod that names its node fits only that node.

import { describe, expect, it } from 'vitest';
import { nodeNameFilter } from '../../../controllers/scheduler/plugins/node-name.ts';
import { infoOf, makeNode, makePod, viewOf } from './builders.ts';

describe('NodeName filter', () => {
  it('admits every node when the pod names none', () => {
    expect(nodeNameFilter(infoOf(makePod('p')), viewOf(makeNode('n1')))).toBeUndefined();
  });

  it('admits the named node', () => {
    expect(nodeNameFilter(infoOf(makePod('p', { nodeName: 'n1' })), viewOf(makeNode('n1')))).toBeUndefined();
  });

  it('rejects any other node with the upstream reason', () => {
    expect(nodeNameFilter(infoOf(makePod('p', { nodeName: 'n1' })), viewOf(makeNode('n2')))).toBe(
      "node(s) didn't match the requested node name",
    );
  });
});
