import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import { formatDiffPath } from '../../replay/diff-path.ts';
import { firstDivergence } from '../../replay/first-divergence.ts';
import { diffRuns, type RunSide } from '../../replay/run-diff.ts';
import { clusterTimeline } from '../../replay/timeline.ts';
import type { Step } from '../../scenarios/codecs.ts';
import { runEvents, webScenario } from './run-scenarios.ts';

function atEnd(events: readonly KsimEvent[]): RunSide {
  const timeline = clusterTimeline(events);
  return { events, at: { rev: timeline.lastRev, state: timeline.stateAt({ rev: timeline.lastRev }) } };
}

const scaleTo = (replicas: number): Step => ({ atMs: 60_000, action: 'scale', value: { kind: 'ReplicaSet', name: 'web', replicas } });

const OBJECT_KINDS = { kinds: ['Namespace', 'Node', 'Pod', 'ReplicaSet'] };

describe('firstDivergence', () => {
  it('finds the revision of the one step two runs differ by, with both events', () => {
    const a = runEvents(webScenario(2, [scaleTo(4)]), 7);
    const b = runEvents(webScenario(2, [scaleTo(5)]), 7);
    const scaledRev = a.find((event) => event.type === 'object/scaled')?.rev;
    for (const exact of [true, false]) {
      const divergence = firstDivergence({ events: a }, { events: b }, { exact });
      expect(divergence?.rev).toBe(scaledRev);
      expect([divergence?.a?.type, divergence?.b?.type]).toEqual(['object/scaled', 'object/scaled']);
      expect(divergence?.fields).toEqual([{ op: 'change', path: ['replicas'], old: 4, new: 5 }]);
    }
  });

  it('finds nothing between a run and itself', () => {
    const a = runEvents(webScenario(2), 7);
    expect(firstDivergence({ events: a }, { events: a }, { exact: true })).toBeUndefined();
  });

  it('names the revision after the shorter run when one run is the start of the other', () => {
    const a = runEvents(webScenario(2), 7);
    const divergence = firstDivergence({ events: a.slice(0, 10) }, { events: a });
    expect(divergence?.rev).toBe(11);
    expect(divergence?.a).toBeUndefined();
    expect(divergence?.b).toEqual(a[10]);
  });

  it('sees two seeds part at the first uid when exact, and not at all on one node by meaning', () => {
    const a = runEvents(webScenario(1), 1);
    const b = runEvents(webScenario(1), 2);
    const exact = firstDivergence({ events: a }, { events: b }, { exact: true });
    expect(exact?.rev).toBe(1);
    expect(exact?.fields.map((field) => formatDiffPath(field.path))).toEqual(['object.metadata.uid']);
    expect(firstDivergence({ events: a }, { events: b })).toBeUndefined();
  });
});

describe('diffRuns', () => {
  it('finds no difference of meaning between two seeds on one node, where only names and uids differ', () => {
    const a = atEnd(runEvents(webScenario(1), 1));
    const b = atEnd(runEvents(webScenario(1), 2));
    expect(diffRuns(a, b).diff).toEqual([]);
    const exact = diffRuns(a, b, {}, { exact: true }).diff;
    const podChanges = exact.filter((entry) => entry.ref.kind === 'Pod').map((entry) => entry.change);
    expect(podChanges.sort()).toEqual(['added', 'added', 'added', 'removed', 'removed', 'removed']);
  });

  it('matches the pods of two seeds by owner and creation order and reports only where they were placed', () => {
    const a = atEnd(runEvents(webScenario(3), 1));
    const b = atEnd(runEvents(webScenario(3), 3));
    const result = diffRuns(a, b, OBJECT_KINDS);
    expect(result.divergence?.a?.type).toBe('pod/bound');
    expect(result.diff.length).toBeGreaterThan(0);
    for (const entry of result.diff) {
      expect({ kind: entry.ref.kind, change: entry.change }).toEqual({ kind: 'Pod', change: 'changed' });
      if (entry.change !== 'changed') continue;
      expect(entry.fields.map((field) => formatDiffPath(field.path))).toEqual(['spec.nodeName', 'status.hostIP', 'status.podIP']);
      const nameInB = result.namesInB.get(`Pod\u0000default\u0000${entry.ref.name}`);
      expect(nameInB).toMatch(/^web-[a-z0-9]{5}$/);
      expect(nameInB).not.toBe(entry.ref.name);
    }
  });

  it('leaves node heartbeat times out by meaning, and reports them when exact', () => {
    const a = atEnd(runEvents(webScenario(1), 1));
    const node = a.at.state.nodes.sortedValues()[0];
    if (node === undefined) throw new Error('no node');
    const conditions = (node.status.conditions ?? []).map((condition) => ({ ...condition, lastHeartbeatTime: '2025-01-01T01:00:00Z' }));
    const later = { ...node, status: { ...node.status, conditions } };
    const b: RunSide = { events: a.events, at: { rev: a.at.rev, state: { ...a.at.state, nodes: a.at.state.nodes.set(node.metadata.name, later) } } };
    expect(diffRuns(a, b, { kinds: ['Node'] }).diff).toEqual([]);
    const exact = diffRuns(a, b, { kinds: ['Node'] }, { exact: true }).diff;
    expect(exact.map((entry) => entry.ref.name)).toEqual([node.metadata.name]);
  });

  it('reports an object only one run has under that run\'s own name', () => {
    const a = atEnd(runEvents(webScenario(1), 1));
    const b = atEnd(runEvents(webScenario(1, [scaleTo(4)]), 2));
    const pods = diffRuns(a, b, { kinds: ['Pod'] }).diff;
    expect(pods.map((entry) => entry.change)).toEqual(['added']);
    const added = pods[0];
    const bNames = b.at.state.pods.sortedValues().map((pod) => pod.metadata.name);
    expect(bNames).toContain(added?.ref.name);
  });
});
