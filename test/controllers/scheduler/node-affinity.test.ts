// NodeAffinity: nodeSelector and required terms as filters, preferred terms as a score (figures
// from upstream's nodeaffinity/node_affinity_test.go), and the PreFilter's metadata.name narrowing.

import { describe, expect, it } from 'vitest';
import { defaultNormalizeScore } from '../../../controllers/scheduler/normalize-score.ts';
import {
  nodeAffinityFilter,
  nodeAffinityNodeNames,
  nodeAffinityScore,
} from '../../../controllers/scheduler/plugins/node-affinity.ts';
import type { Labels } from '../../../core/labels.ts';
import type { NodeAffinity, NodeSelectorRequirement, NodeSelectorTerm } from '../../../core/objects.ts';
import { infoOf, makeNode, makePod, viewOf } from './builders.ts';

const REASON = "node(s) didn't match Pod's node affinity/selector";

function required(...terms: NodeSelectorTerm[]): NodeAffinity {
  return { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } };
}

function fits(
  affinity: NodeAffinity | undefined,
  labels: Labels,
  nodeName = 'n1',
  nodeSelector?: Labels,
): boolean {
  const pod = makePod('p', {
    ...(affinity ? { nodeAffinity: affinity } : {}),
    ...(nodeSelector ? { nodeSelector } : {}),
  });
  const status = nodeAffinityFilter(infoOf(pod), viewOf(makeNode(nodeName, { labels })));
  if (status !== undefined) expect(status).toBe(REASON);
  return status === undefined;
}

const expression = (requirement: NodeSelectorRequirement): NodeSelectorTerm => ({
  matchExpressions: [requirement],
});

describe('NodeAffinity filter: nodeSelector', () => {
  it('admits a node with every selected label', () => {
    expect(fits(undefined, { zone: 'a', disk: 'ssd' }, 'n1', { zone: 'a' })).toBe(true);
  });

  it('rejects a node missing a selected label, with the upstream reason', () => {
    expect(fits(undefined, { disk: 'ssd' }, 'n1', { zone: 'a' })).toBe(false);
  });

  it('requires both the nodeSelector and the required terms', () => {
    const affinity = required(expression({ key: 'disk', operator: 'In', values: ['ssd'] }));
    expect(fits(affinity, { zone: 'a', disk: 'hdd' }, 'n1', { zone: 'a' })).toBe(false);
    expect(fits(affinity, { zone: 'a', disk: 'ssd' }, 'n1', { zone: 'a' })).toBe(true);
  });
});

describe('NodeAffinity filter: operators', () => {
  it('In matches a listed value only', () => {
    const affinity = required(expression({ key: 'zone', operator: 'In', values: ['a', 'b'] }));
    expect(fits(affinity, { zone: 'b' })).toBe(true);
    expect(fits(affinity, { zone: 'c' })).toBe(false);
    expect(fits(affinity, {})).toBe(false);
  });

  it('NotIn matches a missing label or an unlisted value', () => {
    const affinity = required(expression({ key: 'zone', operator: 'NotIn', values: ['a'] }));
    expect(fits(affinity, {})).toBe(true);
    expect(fits(affinity, { zone: 'b' })).toBe(true);
    expect(fits(affinity, { zone: 'a' })).toBe(false);
  });

  it('Exists and DoesNotExist look at the key only', () => {
    expect(fits(required(expression({ key: 'gpu', operator: 'Exists' })), { gpu: '' })).toBe(true);
    expect(fits(required(expression({ key: 'gpu', operator: 'Exists' })), {})).toBe(false);
    expect(fits(required(expression({ key: 'gpu', operator: 'DoesNotExist' })), {})).toBe(true);
    expect(fits(required(expression({ key: 'gpu', operator: 'DoesNotExist' })), { gpu: 'x' })).toBe(false);
  });

  it('Gt and Lt compare the label as an integer', () => {
    const gt = required(expression({ key: 'cores', operator: 'Gt', values: ['8'] }));
    expect(fits(gt, { cores: '16' })).toBe(true);
    expect(fits(gt, { cores: '8' })).toBe(false);
    expect(fits(required(expression({ key: 'cores', operator: 'Lt', values: ['8'] })), { cores: '-2' })).toBe(
      true,
    );
  });

  it('Gt never matches a label that is not an integer or is missing', () => {
    const gt = required(expression({ key: 'cores', operator: 'Gt', values: ['8'] }));
    expect(fits(gt, { cores: '16.5' })).toBe(false);
    expect(fits(gt, {})).toBe(false);
  });

  it('an invalid requirement makes its term match nothing', () => {
    expect(fits(required(expression({ key: 'zone', operator: 'In', values: [] })), { zone: 'a' })).toBe(
      false,
    );
    expect(
      fits(required(expression({ key: 'cores', operator: 'Gt', values: ['1', '2'] })), { cores: '5' }),
    ).toBe(false);
  });
});

describe('NodeAffinity filter: terms', () => {
  it('ANDs the expressions of one term', () => {
    const affinity = required({
      matchExpressions: [
        { key: 'zone', operator: 'In', values: ['a'] },
        { key: 'disk', operator: 'In', values: ['ssd'] },
      ],
    });
    expect(fits(affinity, { zone: 'a', disk: 'ssd' })).toBe(true);
    expect(fits(affinity, { zone: 'a' })).toBe(false);
  });

  it('ORs the terms', () => {
    const affinity = required(
      expression({ key: 'zone', operator: 'In', values: ['a'] }),
      expression({ key: 'disk', operator: 'In', values: ['ssd'] }),
    );
    expect(fits(affinity, { disk: 'ssd' })).toBe(true);
    expect(fits(affinity, { zone: 'b' })).toBe(false);
  });

  it('matches metadata.name through matchFields', () => {
    const affinity = required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] });
    expect(fits(affinity, {}, 'n2')).toBe(true);
    expect(fits(affinity, {}, 'n1')).toBe(false);
  });

  it('matches no node when every required term is empty', () => {
    expect(fits(required({}), { zone: 'a' })).toBe(false);
    expect(fits(required(), { zone: 'a' })).toBe(false);
  });
});

describe('NodeAffinity score (upstream TestNodeAffinityPriority)', () => {
  const fooBar: NodeSelectorRequirement = { key: 'foo', operator: 'In', values: ['bar'] };
  const keyValue: NodeSelectorRequirement = { key: 'key', operator: 'In', values: ['value'] };
  const azAz1: NodeSelectorRequirement = { key: 'az', operator: 'In', values: ['az1'] };
  const affinity2: NodeAffinity = {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 2, preference: { matchExpressions: [fooBar] } },
      { weight: 4, preference: { matchExpressions: [keyValue] } },
      { weight: 5, preference: { matchExpressions: [fooBar, keyValue, azAz1] } },
    ],
  };

  function scores(affinity: NodeAffinity, nodesLabels: Labels[]): number[] {
    const info = infoOf(makePod('p', { nodeAffinity: affinity }));
    const raw = nodesLabels.map((labels, index) =>
      nodeAffinityScore(info, viewOf(makeNode(`n${index}`, { labels }))),
    );
    return defaultNormalizeScore(raw, false);
  }

  it('only node1 matches: 100, 0, 0', () => {
    const affinity1: NodeAffinity = {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 2, preference: { matchExpressions: [fooBar] } },
      ],
    };
    expect(scores(affinity1, [{ foo: 'bar' }, { key: 'value' }, { az: 'az1' }])).toEqual([100, 0, 0]);
  });

  it('all nodes match with different priorities: 18, 100, 36', () => {
    const labels: Labels[] = [{ foo: 'bar' }, { foo: 'bar', key: 'value', az: 'az1' }, { key: 'value' }];
    expect(scores(affinity2, labels)).toEqual([18, 100, 36]);
  });

  it('no node matches: all 0', () => {
    expect(scores(affinity2, [{ abc: 'az11' }, { az: 'az1' }])).toEqual([0, 0]);
  });
});

describe('NodeAffinity PreFilter node names', () => {
  const pinned = (...names: string[]): NodeSelectorTerm => ({
    matchFields: [{ key: 'metadata.name', operator: 'In', values: names }],
  });

  it('narrows to the names a DaemonSet-style term pins', () => {
    const result = nodeAffinityNodeNames(makePod('p', { nodeAffinity: required(pinned('n2')) }).spec);
    expect(result.kind === 'names' ? [...result.names] : result.kind).toEqual(['n2']);
  });

  it('keeps every node when one term names none', () => {
    const affinity = required(pinned('n2'), expression({ key: 'zone', operator: 'Exists' }));
    expect(nodeAffinityNodeNames(makePod('p', { nodeAffinity: affinity }).spec).kind).toBe('all');
  });

  it('finds a conflict when a term intersects to no name', () => {
    const affinity = required({
      matchFields: [
        { key: 'metadata.name', operator: 'In', values: ['n1'] },
        { key: 'metadata.name', operator: 'In', values: ['n2'] },
      ],
    });
    expect(nodeAffinityNodeNames(makePod('p', { nodeAffinity: affinity }).spec).kind).toBe('conflict');
  });
});
