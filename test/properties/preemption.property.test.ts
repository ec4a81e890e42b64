// Property: with random pods of random priorities (some with preemptionPolicy Never) arriving over
// random nodes, every preemption the scheduler makes is one upstream could make: the victim was on
// the node the preemptor is nominated to, had a lower priority than the preemptor, had the
// DisruptionTarget condition before its deletion was asked for, and the preemptor may preempt.
// At every revision the invariants hold (no node overcommitted, the indexes true), and the run
// replays byte for byte from its seed. fast-check prints the seed and the shrunk scenario.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Pod } from '../../core/objects.ts';
import { checkInvariants } from '../../reducers/invariants.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Scenario, Step } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';

const RUNS = Number(process.env.KSIM_PROPERTY_RUNS ?? 60);
const CLASSES = [
  { name: 'low', value: 10 },
  { name: 'mid', value: 500 },
  { name: 'high', value: 10_000 },
  { name: 'high-polite', value: 10_000, preemptionPolicy: 'Never' },
] as const;

interface PodCase {
  readonly name: string;
  readonly priorityClass: (typeof CLASSES)[number]['name'];
  readonly cpuMilli: number;
  readonly atMs: number;
}

const podCase = fc.record({
  name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'),
  priorityClass: fc.constantFrom(...CLASSES.map((each) => each.name)),
  cpuMilli: fc.integer({ min: 2, max: 15 }).map((tenths) => tenths * 100),
  atMs: fc.integer({ min: 1, max: 60 }).map((seconds) => seconds * 1000),
});

function scenarioOf(nodeCpus: readonly number[], pods: readonly PodCase[]): Scenario {
  const classes = CLASSES.map(({ name, ...rest }) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, ...rest }));
  const podSteps = pods.map(
    (pod): Step => ({
      atMs: pod.atMs,
      action: 'apply',
      value: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: pod.name, labels: { app: pod.name } },
        spec: { priorityClassName: pod.priorityClass, containers: [{ name: 'app', image: 'app:1.0', resources: { requests: { cpu: `${pod.cpuMilli}m` } } }] },
      },
    }),
  );
  return {
    name: 'random-preemption',
    until: 120_000,
    nodes: nodeCpus.map((cpu, index) => ({ name: `node-${index + 1}`, capacity: { cpu: String(cpu), memory: '8Gi', pods: 20 } })),
    images: { default: { pull: 0, start: 1000, ready: 1000 } },
    steps: [{ atMs: 0, action: 'apply', value: classes }, ...podSteps],
  };
}

/** The problems with one scheduler request, read from the state just before it. */
function preemptionProblems(event: KsimEvent, before: ClusterState): string[] {
  if (event.type !== 'event/recorded' || event.reason !== 'Preempted') return [];
  const match = /^Preempted by pod (\S+) on node (\S+)$/.exec(event.message);
  if (match === null) return [`bad Preempted message ${event.message}`];
  const [, uid, nodeName] = match;
  const victim = before.pods.get(`${event.involvedObject.namespace ?? ''}/${event.involvedObject.name}`);
  const preemptor = [...before.pods.values()].find((pod: Pod) => pod.metadata.uid === uid);
  if (victim === undefined || preemptor === undefined) return ['victim or preemptor missing'];
  const problems: string[] = [];
  if (victim.spec.nodeName !== nodeName) problems.push(`victim ${victim.metadata.name} is not on ${nodeName}`);
  if ((victim.spec.priority ?? 0) >= (preemptor.spec.priority ?? 0)) problems.push(`victim ${victim.metadata.name} is not of lower priority`);
  if (preemptor.spec.preemptionPolicy === 'Never') problems.push(`${preemptor.metadata.name} may not preempt`);
  const target = victim.status.conditions?.find((condition) => condition.type === 'DisruptionTarget');
  if (target?.reason !== 'PreemptionByScheduler') problems.push(`victim ${victim.metadata.name} has no DisruptionTarget`);
  return problems;
}

describe('preemption property', () => {
  it('preempts only lower-priority pods, marked first, for pods allowed to preempt; invariants hold', () => {
    // Across the runs some preemptions must happen, or the property would hold vacuously.
    let preemptions = 0;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.uniqueArray(podCase, { minLength: 2, maxLength: 10, selector: (pod) => pod.name }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (nodeCpus, pods, seed) => {
          const problems: string[] = [];
          let preempted = 0;
          let previous: ClusterState | undefined;
          const run = simulate(scenarioOf(nodeCpus, pods), {
            seed,
            onEvent: (event, state) => {
              if (previous !== undefined) {
                const found = preemptionProblems(event, previous);
                problems.push(...found.map((problem) => `rev ${event.rev}: ${problem}`));
                if (event.type === 'event/recorded' && event.reason === 'Preempted') preempted++;
              }
              problems.push(...checkInvariants(state).map((problem) => `rev ${event.rev}: ${problem}`));
              previous = state;
            },
          });
          expect(problems).toEqual([]);
          const again = simulate(scenarioOf(nodeCpus, pods), { seed });
          expect(JSON.stringify(again.events)).toBe(JSON.stringify(run.events));
          preemptions += preempted;
        },
      ),
      { numRuns: RUNS },
    );
    expect(preemptions).toBeGreaterThan(0);
  });
});
