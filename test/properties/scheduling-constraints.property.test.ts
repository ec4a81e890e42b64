// Property: with random pods carrying random required pod affinity, anti-affinity and
// DoNotSchedule topology spread constraints, over random nodes in zones, with pods placed by
// spec.nodeName, label changes, deletions of pods and nodes mixed in, every binding the scheduler
// makes keeps every required constraint (the pod's own, and the anti-affinity of the pods already
// there), and at every revision no node is overcommitted and the indexes are true.
//
// The rules are required during scheduling and ignored during execution, as upstream names them:
// a later label change, a pod placed by nodeName or a node that goes can break them without
// anyone at fault, so the check is made on each binding against the cluster as it stood just
// before it. The oracle below recounts from the pods table, pod by pod, without the indexes the
// scheduler reads. fast-check prints the seed and the shrunk scenario of any failure.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LabelSelector, type Labels, selectorMatches } from '../../core/labels.ts';
import type { KsimEvent } from '../../core/events.ts';
import type { Node, Pod, PodAffinityTerm, TopologySpreadConstraint } from '../../core/objects.ts';
import { checkInvariants } from '../../reducers/invariants.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { schedulingConstraintsScenario } from '../../scenarios/scheduling-arbitraries.ts';
import { simulate } from '../../scenarios/simulate.ts';

const RUNS = Number(process.env.KSIM_PROPERTY_RUNS ?? 100);
const seed = fc.integer({ min: 0, max: 2 ** 31 });

interface Placed {
  readonly pod: Pod;
  readonly node: Node;
}

/** Pods on existing nodes, not finished: what the scheduler counts. */
function placedPods(state: ClusterState): Placed[] {
  const placed: Placed[] = [];
  for (const pod of state.pods.sortedValues()) {
    const node = state.nodes.get(pod.spec.nodeName ?? '');
    if (node === undefined || pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') continue;
    placed.push({ pod, node });
  }
  return placed;
}

const labelsOf = (node: Node): Labels => node.metadata.labels ?? {};

function inTerm(term: PodAffinityTerm, owner: Pod, other: Pod): boolean {
  const namespaces = term.namespaces !== undefined && term.namespaces.length > 0 ? term.namespaces : [owner.metadata.namespace ?? ''];
  if (!namespaces.includes(other.metadata.namespace ?? '')) return false;
  return term.labelSelector !== undefined && term.labelSelector !== null && selectorMatches(term.labelSelector, other.metadata.labels);
}

function sameDomain(key: string, a: Node, b: Node): boolean {
  return Object.hasOwn(labelsOf(a), key) && Object.hasOwn(labelsOf(b), key) && labelsOf(a)[key] === labelsOf(b)[key];
}

function antiAffinityProblems(pod: Pod, node: Node, placed: readonly Placed[]): string[] {
  const problems: string[] = [];
  for (const term of pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
    for (const other of placed) {
      if (inTerm(term, pod, other.pod) && sameDomain(term.topologyKey, node, other.node)) problems.push(`anti-affinity on ${term.topologyKey} with ${other.pod.metadata.name}`);
    }
  }
  for (const other of placed) {
    for (const term of other.pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
      if (inTerm(term, other.pod, pod) && sameDomain(term.topologyKey, node, other.node)) problems.push(`${other.pod.metadata.name}'s anti-affinity on ${term.topologyKey}`);
    }
  }
  return problems;
}

function affinityProblems(pod: Pod, node: Node, placed: readonly Placed[]): string[] {
  const terms = pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  if (terms.length === 0) return [];
  if (terms.some((term) => !Object.hasOwn(labelsOf(node), term.topologyKey))) return ['affinity topology key missing on the node'];
  const matchingAll = placed.filter((other) => terms.every((term) => inTerm(term, pod, other.pod)));
  const satisfied = terms.every((term) => matchingAll.some((other) => sameDomain(term.topologyKey, node, other.node)));
  if (satisfied) return [];
  // The first pod of a self-affine group: nobody anywhere matches all the terms yet.
  const anyCounted = matchingAll.some((other) => terms.some((term) => Object.hasOwn(labelsOf(other.node), term.topologyKey)));
  const selfMatch = terms.every((term) => inTerm(term, pod, pod));
  return !anyCounted && selfMatch ? [] : ['affinity not satisfied'];
}

function spreadProblems(pod: Pod, node: Node, state: ClusterState, placed: readonly Placed[]): string[] {
  const constraints = (pod.spec.topologySpreadConstraints ?? []).filter((constraint) => constraint.whenUnsatisfiable === 'DoNotSchedule');
  const keys = constraints.map((constraint) => constraint.topologyKey);
  const eligible = state.nodes.sortedValues().filter((each) => keys.every((key) => Object.hasOwn(labelsOf(each), key)));
  return constraints.flatMap((constraint: TopologySpreadConstraint) => {
    const key = constraint.topologyKey;
    if (!Object.hasOwn(labelsOf(node), key)) return [`spread key ${key} missing on the node`];
    const counts = new Map<string, number>(eligible.map((each) => [labelsOf(each)[key] as string, 0]));
    const selector = constraint.labelSelector as LabelSelector;
    for (const other of placed) {
      const value = labelsOf(other.node)[key];
      if (value === undefined || !counts.has(value) || !eligible.includes(other.node)) continue;
      if (other.pod.metadata.deletionTimestamp !== undefined || other.pod.metadata.namespace !== pod.metadata.namespace) continue;
      if (selectorMatches(selector, other.pod.metadata.labels)) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const min = counts.size < (constraint.minDomains ?? 1) ? 0 : Math.min(...counts.values());
    const self = selectorMatches(selector, pod.metadata.labels) ? 1 : 0;
    const skew = (counts.get(labelsOf(node)[key] as string) ?? 0) + self - min;
    return skew > constraint.maxSkew ? [`spread on ${key}: skew ${skew} > ${constraint.maxSkew}`] : [];
  });
}

/** Every required constraint the binding of `podKey` to `nodeName` must keep in `state`. */
function bindingProblems(state: ClusterState, podKey: string, nodeName: string): string[] {
  const pod = state.pods.get(podKey);
  const node = state.nodes.get(nodeName);
  if (pod === undefined || node === undefined) return [`bound ${podKey} to ${nodeName}, which is not there`];
  const placed = placedPods(state).filter((other) => other.pod !== pod);
  return [...antiAffinityProblems(pod, node, placed), ...affinityProblems(pod, node, placed), ...spreadProblems(pod, node, state, placed)].map(
    (problem) => `${podKey} -> ${nodeName}: ${problem}`,
  );
}

/** Pods left on a deleted node are expected: ksim has no pod garbage collector yet. */
const leftBehind = (problem: string) => problem.includes('are bound to missing node');

describe('scheduling constraints over random runs', () => {
  it('every binding keeps the required affinity, anti-affinity and spread constraints; no node is overcommitted at any revision', () => {
    fc.assert(
      fc.property(schedulingConstraintsScenario(), seed, (scenario, runSeed) => {
        const broken: string[] = [];
        let before: ClusterState | undefined;
        simulate(scenario, {
          seed: runSeed,
          keepEvents: false,
          onEvent: (event: KsimEvent, state) => {
            if (event.type === 'pod/bound' && event.actor === 'kube-scheduler' && before !== undefined) {
              broken.push(...bindingProblems(before, `${event.namespace}/${event.name}`, event.nodeName).map((problem) => `rev ${event.rev}: ${problem}`));
            }
            for (const problem of checkInvariants(state, { deep: true })) if (!leftBehind(problem)) broken.push(`rev ${event.rev} (${event.type}): ${problem}`);
            before = state;
          },
        });
        expect(broken).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
