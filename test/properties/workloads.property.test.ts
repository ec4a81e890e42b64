// Properties of the workload controllers over random cases, checked at every revision of the run
// and at its end. fast-check prints the seed and the shrunk case of any failure, and
// rollingUpdateScenario(case) turns it back into a scenario to replay.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveFenceposts } from '../../controllers/deployment/fenceposts.ts';
import { controllerOf, findCondition, type Pod } from '../../core/objects.ts';
import type { Deployment, Job } from '../../core/workloads.ts';
import { checkInvariants } from '../../reducers/invariants.ts';
import { controlledObjects, kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { jobCase, jobScenario, type RollingUpdateCase, rollingUpdateCase, rollingUpdateScenario } from '../../scenarios/workload-arbitraries.ts';
import { simulate } from '../../scenarios/simulate.ts';

const RUNS = 25;
const seed = fc.integer({ min: 0, max: 2 ** 31 });

/** The pods of the Deployment "web": those whose controller is one of its ReplicaSets. */
function deploymentPods(state: ClusterState, deployment: Deployment): Pod[] {
  const replicaSets = new Set(
    kindTable(state, 'ReplicaSet')
      .sortedValues()
      .filter((rs) => controllerOf(rs)?.uid === deployment.metadata.uid)
      .map((rs) => rs.metadata.uid),
  );
  return state.pods.sortedValues().filter((pod) => replicaSets.has(controllerOf(pod)?.uid ?? ''));
}

/** Counted towards the rollout: neither finished nor being deleted (upstream's active pods). */
function isActive(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp === undefined && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

/**
 * The lower bound is on ready pods, as the issue states it. Upstream's controllers do not promise
 * it for available pods when minReadySeconds > 0: cleanupUnhealthyReplicas scales an old
 * ReplicaSet down by its unavailable count, but the ReplicaSet controller ranks which pod goes by
 * readiness and crowding, not availability, and may remove an available pod on a crowded node
 * while a ready, not yet available one stays (ksim does the same; a property run found it).
 */
function isReady(pod: Pod): boolean {
  return findCondition(pod.status.conditions, 'Ready')?.status === 'True';
}

function bounds(spec: RollingUpdateCase): { readonly most: number; readonly least: number } {
  const fenceposts = resolveFenceposts(spec.maxSurge, spec.maxUnavailable, spec.replicas);
  if (!fenceposts.ok) throw new Error(fenceposts.error);
  return { most: spec.replicas + fenceposts.value.maxSurge, least: spec.replicas - fenceposts.value.maxUnavailable };
}

describe('Deployment rolling updates', () => {
  it('never run more than replicas + maxSurge pods, nor fewer than replicas - maxUnavailable ready once rolled out, and converge', () => {
    fc.assert(
      fc.property(rollingUpdateCase, seed, (spec, runSeed) => {
        const { most, least } = bounds(spec);
        const broken: string[] = [];
        let rolledOut = false;
        const result = simulate(rollingUpdateScenario(spec), {
          seed: runSeed,
          keepEvents: false,
          onEvent: (event, state) => {
            const deployment = kindTable<Deployment>(state, 'Deployment').get('default/web');
            if (deployment === undefined) return;
            const pods = deploymentPods(state, deployment).filter(isActive);
            const ready = pods.filter(isReady).length;
            rolledOut ||= ready >= spec.replicas;
            if (pods.length > most) broken.push(`rev ${event.rev}: ${pods.length} pods, more than ${most}`);
            if (rolledOut && ready < least) broken.push(`rev ${event.rev}: ${ready} ready, fewer than ${least}`);
            for (const problem of checkInvariants(state)) broken.push(`rev ${event.rev}: ${problem}`);
          },
        });
        expect(broken.slice(0, 5)).toEqual([]);
        const deployment = kindTable<Deployment>(result.state, 'Deployment').get('default/web');
        const image = `web:${spec.imageChangesMs.length + 1}`;
        expect({
          updated: deployment?.status.updatedReplicas ?? 0,
          available: deployment?.status.availableReplicas ?? 0,
          replicas: deployment?.status.replicas ?? 0,
          images: deploymentPods(result.state, deployment as Deployment).filter(isActive).map((pod) => pod.spec.containers[0]?.image),
        }).toEqual({ updated: spec.replicas, available: spec.replicas, replicas: spec.replicas, images: Array.from({ length: spec.replicas }, () => image) });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('Jobs', () => {
  it('never run more pods at once than parallelism, and finish Complete or Failed as their pods say', () => {
    fc.assert(
      fc.property(jobCase, seed, (spec, runSeed) => {
        const broken: string[] = [];
        const result = simulate(jobScenario(spec), {
          seed: runSeed,
          keepEvents: false,
          onEvent: (event, state) => {
            const job = kindTable<Job>(state, 'Job').get('default/batch');
            if (job === undefined) return;
            const active = controlledObjects<Pod>(state, 'Pod', job.metadata.uid).filter(isActive).length;
            if (active > spec.parallelism) broken.push(`rev ${event.rev}: ${active} active pods, more than ${spec.parallelism}`);
          },
        });
        expect(broken.slice(0, 5)).toEqual([]);
        const job = kindTable<Job>(result.state, 'Job').get('default/batch');
        const finished = (job?.status.conditions ?? []).filter((condition) => condition.status === 'True').map((condition) => condition.type);
        if (spec.failing) expect(finished).toContain('Failed');
        else expect([finished.includes('Complete'), job?.status.succeeded]).toEqual([true, spec.completions]);
      }),
      { numRuns: RUNS },
    );
  });
});
