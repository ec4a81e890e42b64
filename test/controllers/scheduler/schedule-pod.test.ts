// One scheduling cycle end to end: filters, scores, the failure message and the rotating start.

import { describe, expect, it } from 'vitest';
import { type CycleResult, schedulePod } from '../../../controllers/scheduler/schedule-pod.ts';
import type { Node, Pod } from '../../../core/objects.ts';
import { infoOf, makeNode, makePod, snapshotOf, stateOf, testRng } from './builders.ts';

function cycle(
  nodes: Node[],
  pod: Pod,
  options: { existing?: Pod[]; startIndex?: number; seed?: number } = {},
): CycleResult {
  const state = stateOf(nodes, options.existing ?? []);
  return schedulePod({
    pod: infoOf(pod, state),
    nodes: snapshotOf(state),
    cluster: state,
    startIndex: options.startIndex ?? 0,
    percentageOfNodesToScore: 0,
    rng: testRng(options.seed ?? 1),
  });
}

const boundTo = (result: CycleResult) => (result.kind === 'bound' ? result.nodeName : result.message);

const pinnedTo = (name: string) => ({
  requiredDuringSchedulingIgnoredDuringExecution: {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [name] }] }],
  },
});

describe('schedulePod: placing', () => {
  it('binds to the only node that fits', () => {
    const nodes = [makeNode('small', { cpu: '1' }), makeNode('large', { cpu: '8' })];
    const result = cycle(nodes, makePod('p', { requests: [{ cpu: '2' }] }));
    expect(result).toMatchObject({ kind: 'bound', nodeName: 'large', feasibleNodes: 1 });
  });

  it('prefers the node with more room left', () => {
    const nodes = [makeNode('busy'), makeNode('idle')];
    const existing = [makePod('a', { nodeName: 'busy', requests: [{ cpu: '3', memory: '12Gi' }] })];
    expect(
      boundTo(cycle(nodes, makePod('p', { requests: [{ cpu: '500m', memory: '1Gi' }] }), { existing })),
    ).toBe('idle');
  });

  it('avoids a node with an untolerated PreferNoSchedule taint', () => {
    const nodes = [makeNode('a', { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }), makeNode('b')];
    for (const seed of [1, 2, 3, 4]) expect(boundTo(cycle(nodes, makePod('p'), { seed }))).toBe('b');
  });

  it('follows preferred node affinity', () => {
    const nodes = [makeNode('a'), makeNode('b', { labels: { disk: 'ssd' } })];
    const nodeAffinity = {
      preferredDuringSchedulingIgnoredDuringExecution: [
        {
          weight: 10,
          preference: { matchExpressions: [{ key: 'disk', operator: 'In' as const, values: ['ssd'] }] },
        },
      ],
    };
    for (const seed of [1, 2, 3, 4])
      expect(boundTo(cycle(nodes, makePod('p', { nodeAffinity }), { seed }))).toBe('b');
  });

  it('binds a pod pinned by metadata.name to its node', () => {
    const nodes = [makeNode('n1'), makeNode('n2'), makeNode('n3')];
    expect(boundTo(cycle(nodes, makePod('p', { nodeAffinity: pinnedTo('n2') })))).toBe('n2');
  });

  it('breaks ties with the seed: same seed, same node; other seeds spread', () => {
    const nodes = ['n1', 'n2', 'n3', 'n4'].map((name) => makeNode(name));
    expect(boundTo(cycle(nodes, makePod('p'), { seed: 5 }))).toBe(
      boundTo(cycle(nodes, makePod('p'), { seed: 5 })),
    );
    const chosen = new Set(
      Array.from({ length: 20 }, (_, seed) => boundTo(cycle(nodes, makePod('p'), { seed }))),
    );
    expect(chosen.size).toBeGreaterThan(1);
  });
});

describe('schedulePod: failing', () => {
  it('counts the nodes that lack cpu', () => {
    const nodes = ['n1', 'n2', 'n3'].map((name) => makeNode(name, { cpu: '1' }));
    expect(cycle(nodes, makePod('p', { requests: [{ cpu: '2' }] }))).toMatchObject({
      kind: 'unschedulable',
      message: '0/3 nodes are available: 3 Insufficient cpu.',
      nextStartIndex: 0,
      reasons: new Map([['Insufficient cpu', 3]]),
    });
  });

  it('counts each node under the first filter that rejected it', () => {
    const nodes = [
      makeNode('m1', { memory: '1Gi', labels: { pool: 'web' } }),
      makeNode('m2', { memory: '1Gi', labels: { pool: 'web' } }),
      ...['o1', 'o2', 'o3'].map((name) => makeNode(name, { labels: { pool: 'batch' } })),
    ];
    const pod = makePod('p', { nodeSelector: { pool: 'web' }, requests: [{ memory: '2Gi' }] });
    expect(boundTo(cycle(nodes, pod))).toBe(
      "0/5 nodes are available: 2 Insufficient memory, 3 node(s) didn't match Pod's node affinity/selector.",
    );
  });

  it('says no nodes are available when the cluster has none', () => {
    expect(boundTo(cycle([], makePod('p')))).toBe('no nodes available to schedule pods');
  });

  it('counts the nodes a pinned pod never looked at as not satisfying NodeAffinity', () => {
    const nodes = [makeNode('n1', { pods: '1' }), makeNode('n2'), makeNode('n3')];
    const existing = [makePod('a', { nodeName: 'n1' })];
    const pod = makePod('p', { nodeAffinity: pinnedTo('n1') });
    expect(boundTo(cycle(nodes, pod, { existing }))).toBe(
      "0/3 nodes are available: 1 Too many pods, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].",
    );
  });

  it('reports conflicting metadata.name terms as upstream PreFilter does', () => {
    const nodeAffinity = {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [
          {
            matchFields: [
              { key: 'metadata.name', operator: 'In' as const, values: ['n1'] },
              { key: 'metadata.name', operator: 'In' as const, values: ['n2'] },
            ],
          },
        ],
      },
    };
    expect(boundTo(cycle([makeNode('n1'), makeNode('n2')], makePod('p', { nodeAffinity })))).toBe(
      '0/2 nodes are available: pod affinity terms conflict.',
    );
  });
});

describe('schedulePod: the rotating start', () => {
  const nodes = Array.from({ length: 200 }, (_, index) => makeNode(`n${String(index).padStart(3, '0')}`));

  it('moves the start on by the nodes it checked (100 of 200 here)', () => {
    expect(cycle(nodes, makePod('p')).nextStartIndex).toBe(100);
    expect(cycle(nodes, makePod('p'), { startIndex: 150 }).nextStartIndex).toBe(50);
  });

  it('only chooses among the nodes checked from the start', () => {
    const chosen = boundTo(cycle(nodes, makePod('p'), { startIndex: 150 }));
    const index = Number(chosen.slice(1));
    expect(index >= 150 || index < 50).toBe(true);
  });
});
