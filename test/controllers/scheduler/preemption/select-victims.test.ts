// SelectVictimsOnNode: every lower-priority pod off the node, then back by importance (PDB-breaking
// pods first), keeping each that still leaves room; the rest are the victims.

import { describe, expect, it } from 'vitest';
import type { DisruptionBudget } from '../../../../controllers/scheduler/preemption/pdb.ts';
import { ERR_NO_PREEMPTION_VICTIMS, selectVictimsOnNode } from '../../../../controllers/scheduler/preemption/select-victims.ts';
import { fromTimestamp } from '../../../../core/clock.ts';
import type { Pod } from '../../../../core/objects.ts';
import { cycleOf, makeNode, makePod, snapshotOf, stateOf, usageOn } from '../builders.ts';

function running(name: string, priority: number, cpu: string, startTime: string, labels: Record<string, string> = {}): Pod {
  const pod = makePod(name, { priority, nodeName: 'n1', requests: [{ cpu }], labels, phase: 'Running' });
  return { ...pod, status: { ...pod.status, startTime } };
}

const NOW = fromTimestamp('2025-01-01T01:00:00Z');
const preemptor = makePod('preemptor', { priority: 1000, requests: [{ cpu: '2' }] });

function select(pods: readonly Pod[], budgets: readonly DisruptionBudget[] = [], pod = preemptor) {
  const state = stateOf([makeNode('n1', { cpu: '4' })], pods);
  const node = snapshotOf(state).byName.get('n1');
  if (node === undefined) throw new Error('no node');
  return selectVictimsOnNode(cycleOf(pod, state), node, usageOn(state, 'n1'), pods, budgets, NOW);
}

const names = (selection: ReturnType<typeof select>) => (selection.kind === 'victims' ? selection.victims.map((pod) => pod.metadata.name) : selection.status);

describe('selectVictimsOnNode', () => {
  // 3 of 4 cpus used; the preemptor needs 2, so one pod of 1 cpu must go.
  const mid = running('mid', 100, '1', '2025-01-01T00:00:30Z');
  const lowEarly = running('low-early', 0, '1', '2025-01-01T00:00:10Z', { app: 'db' });
  const lowLate = running('low-late', 0, '1', '2025-01-01T00:00:20Z', { app: 'db' });

  it('reprieves the most important pods first, leaving the least important as the victim', () => {
    expect(names(select([mid, lowEarly, lowLate]))).toEqual(['low-late']);
  });

  it('reprieves the pods a PodDisruptionBudget protects first, and counts a violation only when one must go', () => {
    const protectLate: DisruptionBudget = { namespace: 'default', selector: { matchLabels: { app: 'db' } }, disruptionsAllowed: 1, disruptedPods: new Set() };
    // The budget allows one: low-early (first by importance) uses it, low-late would break it.
    const selection = select([mid, lowEarly, lowLate], [protectLate]);
    expect(names(selection)).toEqual(['low-early']);
    expect(selection.kind === 'victims' ? selection.numPDBViolations : -1).toBe(0);
  });

  it('counts the violations when the protected pods themselves must go', () => {
    const none: DisruptionBudget = { namespace: 'default', selector: { matchLabels: { app: 'db' } }, disruptionsAllowed: 0, disruptedPods: new Set() };
    const big = makePod('big', { priority: 1000, requests: [{ cpu: '4' }] });
    const selection = select([lowEarly, lowLate], [none], big);
    expect(names(selection)).toEqual(['low-early', 'low-late']);
    expect(selection.kind === 'victims' ? selection.numPDBViolations : -1).toBe(2);
  });

  it('never picks pods of the same or higher priority', () => {
    const peer = running('peer', 1000, '3', '2025-01-01T00:00:00Z');
    expect(names(select([peer]))).toEqual(ERR_NO_PREEMPTION_VICTIMS);
  });

  it('fails with the filters reason when even removing every lower pod leaves no room', () => {
    const peer = running('peer', 1000, '3', '2025-01-01T00:00:00Z');
    expect(names(select([peer, running('low', 0, '500m', '2025-01-01T00:00:00Z')]))).toEqual(['Insufficient cpu']);
  });
});
