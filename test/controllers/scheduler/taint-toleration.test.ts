// TaintToleration against upstream's pkg/scheduler/framework/plugins/tainttoleration/taint_toleration_test.go.

import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore } from '../../../controllers/scheduler/normalize-score.ts';
import {
  taintTolerationFilter,
  taintTolerationScore,
} from '../../../controllers/scheduler/plugins/taint-toleration.ts';
import { toleratesTaint } from '../../../controllers/common/tolerations.ts';
import type { Taint, Toleration } from '../../../core/objects.ts';
import { infoOf, makeNode, makePod, viewOf } from './builders.ts';

function filter(tolerations: Toleration[], taints: Taint[]): string | undefined {
  return taintTolerationFilter(infoOf(makePod('p', { tolerations })), viewOf(makeNode('nodeA', { taints })));
}

/** Raw scores of each node, normalised in reverse as the plugin's NormalizeScore does. */
function scores(tolerations: Toleration[], nodesTaints: Taint[][]): number[] {
  const info = infoOf(makePod('p', { tolerations }));
  const raw = nodesTaints.map((taints, index) =>
    taintTolerationScore(info, viewOf(makeNode(`n${index}`, { taints }))),
  );
  return defaultNormalizeScore(raw, true);
}

const dedicatedUser1: Taint = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' };

describe('TaintToleration filter', () => {
  it('rejects a pod without tolerations from a node with a NoSchedule taint', () => {
    expect(filter([], [dedicatedUser1])).toBe('node(s) had untolerated taint {dedicated: user1}');
  });

  it('admits a pod that tolerates the taint with the same key, value and effect', () => {
    expect(
      filter([{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], [dedicatedUser1]),
    ).toBeUndefined();
  });

  it('rejects a pod whose Equal toleration has another value', () => {
    const toleration: Toleration = {
      key: 'dedicated',
      operator: 'Equal',
      value: 'user2',
      effect: 'NoSchedule',
    };
    expect(filter([toleration], [dedicatedUser1])).toBe('node(s) had untolerated taint {dedicated: user1}');
  });

  it('admits a pod with an Exists toleration for the key', () => {
    const taint: Taint = { key: 'foo', value: 'bar', effect: 'NoSchedule' };
    expect(filter([{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }], [taint])).toBeUndefined();
  });

  it('rejects when the toleration names another effect', () => {
    const toleration: Toleration = {
      key: 'foo',
      operator: 'Equal',
      value: 'bar',
      effect: 'PreferNoSchedule',
    };
    expect(filter([toleration], [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }])).toBe(
      'node(s) had untolerated taint {foo: bar}',
    );
  });

  it('admits when the toleration has no effect, which matches every effect', () => {
    const taint: Taint = { key: 'foo', value: 'bar', effect: 'NoSchedule' };
    expect(filter([{ key: 'foo', operator: 'Equal', value: 'bar' }], [taint])).toBeUndefined();
  });

  it('ignores PreferNoSchedule taints', () => {
    expect(filter([], [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }])).toBeUndefined();
  });

  it('rejects on NoExecute taints too', () => {
    const taint: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
    expect(filter([], [taint])).toBe('node(s) had untolerated taint {node.kubernetes.io/not-ready: }');
  });

  it('names the first untolerated taint in the node order', () => {
    const taints: Taint[] = [
      { key: 'a', value: '1', effect: 'NoSchedule' },
      { key: 'b', value: '2', effect: 'NoSchedule' },
    ];
    expect(filter([{ key: 'a', operator: 'Exists' }], taints)).toBe('node(s) had untolerated taint {b: 2}');
  });
});

describe('toleratesTaint', () => {
  it('lets an Exists toleration without a key tolerate every taint', () => {
    expect(toleratesTaint({ operator: 'Exists' }, { key: 'anything', value: 'x', effect: 'NoExecute' })).toBe(
      true,
    );
  });

  it('matches an Equal toleration without a value only a taint without a value', () => {
    expect(toleratesTaint({ key: 'k' }, { key: 'k', effect: 'NoSchedule' })).toBe(true);
    expect(toleratesTaint({ key: 'k' }, { key: 'k', value: 'v', effect: 'NoSchedule' })).toBe(false);
  });
});

describe('TaintToleration score (upstream taint_toleration_test.go)', () => {
  it('ranks the node whose PreferNoSchedule taint is tolerated above the one whose is not', () => {
    const toleration: Toleration = {
      key: 'foo',
      operator: 'Equal',
      value: 'bar',
      effect: 'PreferNoSchedule',
    };
    const result = scores(
      [toleration],
      [
        [{ key: 'foo', value: 'bar', effect: 'PreferNoSchedule' }],
        [{ key: 'foo', value: 'blah', effect: 'PreferNoSchedule' }],
      ],
    );
    expect(result).toEqual([100, 0]);
  });

  it('scores lower the more intolerable taints a node has', () => {
    const toleration: Toleration = {
      key: 'foo',
      operator: 'Equal',
      value: 'bar',
      effect: 'PreferNoSchedule',
    };
    const cpu: Taint = { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' };
    const disk: Taint = { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' };
    expect(scores([toleration], [[], [cpu], [cpu, disk]])).toEqual([100, 50, 0]);
  });

  it('looks only at PreferNoSchedule taints and tolerations', () => {
    const tolerations: Toleration[] = [
      { key: 'cpu-type', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' },
      { key: 'disk-type', operator: 'Equal', value: 'ssd', effect: 'NoSchedule' },
    ];
    const nodes: Taint[][] = [
      [],
      [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }],
      [
        { key: 'cpu-type', value: 'arm64', effect: 'PreferNoSchedule' },
        { key: 'disk-type', value: 'ssd', effect: 'PreferNoSchedule' },
      ],
    ];
    expect(scores(tolerations, nodes)).toEqual([100, 100, 0]);
  });

  it('gives every node 100 when no node has an intolerable taint', () => {
    expect(scores([], [[], []])).toEqual([100, 100]);
  });
});
