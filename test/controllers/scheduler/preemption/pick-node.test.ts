// pickOneNodeForPreemption's criteria in upstream's order (framework/preemption, v1.34, after the
// cases of TestPickOneNodeForPreemption, with its priorities: neg -100, low 0, mid 100, high 1000).

import { describe, expect, it } from 'vitest';
import { numCandidates } from '../../../../controllers/scheduler/preemption/default-preemption.ts';
import { type Candidate, pickOneNodeForPreemption } from '../../../../controllers/scheduler/preemption/pick-node.ts';
import type { Pod } from '../../../../core/objects.ts';
import { makePod } from '../builders.ts';

const NEG = -100;
const LOW = 0;
const MID = 100;
const HIGH = 1000;

let counter = 0;
function victim(priority: number, startTime = '2025-01-01T00:00:00Z'): Pod {
  counter++;
  const pod = makePod(`v${counter}`, { priority, nodeName: 'x' });
  return { ...pod, status: { ...pod.status, startTime } };
}

const candidate = (nodeName: string, victims: readonly Pod[], numPDBViolations = 0): Candidate => ({ nodeName, victims, numPDBViolations });
const NOW = Date.UTC(2025, 0, 2);

describe('pickOneNodeForPreemption', () => {
  it('returns nothing without candidates', () => {
    expect(pickOneNodeForPreemption([], NOW)).toBeUndefined();
  });

  it('takes the node with the fewest PodDisruptionBudget violations first', () => {
    const picked = pickOneNodeForPreemption([candidate('node1', [victim(LOW)], 1), candidate('node2', [victim(HIGH), victim(MID)], 0)], NOW);
    expect(picked).toBe('node2');
  });

  it('machine with min highest priority pod is picked', () => {
    const picked = pickOneNodeForPreemption(
      [candidate('node1', [victim(MID), victim(LOW)]), candidate('node2', [victim(MID), victim(LOW)]), candidate('node3', [victim(LOW), victim(LOW)])],
      NOW,
    );
    expect(picked).toBe('node3');
  });

  it('when highest priorities are the same, minimum sum of lower priority pods is picked', () => {
    const picked = pickOneNodeForPreemption(
      [candidate('node1', [victim(MID), victim(LOW)]), candidate('node2', [victim(MID), victim(NEG)]), candidate('node3', [victim(MID), victim(LOW)])],
      NOW,
    );
    expect(picked).toBe('node2');
  });

  it('with the same highest priority, fewer victims win (the shifted sum already prefers them)', () => {
    const picked = pickOneNodeForPreemption([candidate('node1', [victim(MID), victim(LOW), victim(LOW)]), candidate('node2', [victim(MID), victim(LOW)])], NOW);
    expect(picked).toBe('node2');
  });

  it('sum of adjusted priorities is considered: each priority counts as priority + 2^31', () => {
    // Raw sums: node1 100 - 100 - 100 = -100, node2 100 + 0 = 100. Shifted, node1's three victims weigh more.
    const picked = pickOneNodeForPreemption([candidate('node1', [victim(MID), victim(NEG), victim(NEG)]), candidate('node2', [victim(MID), victim(LOW)])], NOW);
    expect(picked).toBe('node2');
  });

  it('same priority, same number of victims: the latest start of the highest-priority victims wins', () => {
    const picked = pickOneNodeForPreemption(
      [
        candidate('node1', [victim(MID, '2025-01-01T00:00:01Z'), victim(LOW, '2025-01-01T00:00:09Z')]),
        candidate('node2', [victim(MID, '2025-01-01T00:00:05Z'), victim(LOW, '2025-01-01T00:00:00Z')]),
        candidate('node3', [victim(MID, '2025-01-01T00:00:03Z'), victim(LOW, '2025-01-01T00:00:09Z')]),
      ],
      NOW,
    );
    expect(picked).toBe('node2');
  });

  it('takes the first candidate when every criterion ties', () => {
    const picked = pickOneNodeForPreemption([candidate('node2', [victim(MID)]), candidate('node1', [victim(MID)])], NOW);
    expect(picked).toBe('node2');
  });
});

describe('numCandidates (calculateNumCandidates with the default 10% and 100)', () => {
  it.each([
    [0, 0],
    [10, 10],
    [500, 100],
    [1000, 100],
    [5000, 500],
    [10_000, 1000],
  ])('%i potential nodes: %i candidates', (numNodes, want) => {
    expect(numCandidates(numNodes)).toBe(want);
  });
});
