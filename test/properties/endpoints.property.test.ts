// Properties of the endpoint controllers over random Services and ReplicaSets whose pods start,
// crash, turn ready late and are deleted: once the controllers have settled, no EndpointSlice
// lists a pod that is not ready as ready (unless the Service publishes not-ready addresses), every
// ready pod a Service selects is listed exactly once, no slice holds more than 100 endpoints, and
// the Endpoints object's ready addresses are those same pods.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPodReady } from '../../controllers/common/pod-state.ts';
import { podsOfService, selectorOf } from '../../controllers/common/service-pods.ts';
import { managedSlices } from '../../controllers/endpointslice/index.ts';
import type { Endpoints, Service } from '../../core/networking.ts';
import type { Pod } from '../../core/objects.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { serviceScenario } from '../../scenarios/service-arbitraries.ts';
import { simulate } from '../../scenarios/simulate.ts';

const seed = fc.integer({ min: 0, max: 2 ** 31 });

/** A pod the Service must list as ready: Ready, not being deleted, not finished, with an IP. */
function listedReady(pod: Pod): boolean {
  return isPodReady(pod) && pod.metadata.deletionTimestamp === undefined && (pod.status.podIP ?? '') !== '' && pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed';
}

function problemsOf(state: ClusterState): string[] {
  const problems: string[] = [];
  for (const service of kindTable<Service>(state, 'Service').values()) {
    if (selectorOf(service) === undefined) continue;
    const name = service.metadata.name;
    const publish = service.spec.publishNotReadyAddresses === true;
    const slices = managedSlices(state, service);
    const counts = new Map<string, number>();
    for (const slice of slices) {
      if (slice.endpoints.length > 100) problems.push(`${name}: slice ${slice.metadata.name} holds ${slice.endpoints.length} endpoints`);
      for (const endpoint of slice.endpoints) {
        const uid = endpoint.targetRef?.uid ?? '';
        counts.set(uid, (counts.get(uid) ?? 0) + 1);
        const pod = state.pods.get(`default/${endpoint.targetRef?.name ?? ''}`);
        if (endpoint.conditions.ready === true && !publish && (pod === undefined || pod.metadata.uid !== uid || !listedReady(pod))) {
          problems.push(`${name}: ${endpoint.targetRef?.name ?? '?'} is listed ready but is not`);
        }
      }
    }
    const ready = podsOfService(state, service).filter(listedReady);
    for (const pod of ready) {
      const count = counts.get(pod.metadata.uid) ?? 0;
      if (count !== 1) problems.push(`${name}: ready pod ${pod.metadata.name} is listed ${count} times`);
    }
    // The Endpoints object lists the ready pods that serve the port as ready addresses (all of them when publishing).
    if (!publish) {
      const endpoints = kindTable<Endpoints>(state, 'Endpoints').get(`default/${name}`);
      const addressed = (endpoints?.subsets ?? []).flatMap((subset) => (subset.addresses ?? []).map((address) => address.targetRef?.name ?? ''));
      const serving = ready.filter((pod) => typeof service.spec.ports?.[0]?.targetPort === 'number' || pod.spec.containers.some((c) => (c.ports ?? []).some((p) => p.name === service.spec.ports?.[0]?.targetPort)));
      expect(addressed.sort(), `${name}: Endpoints ready addresses`).toEqual(serving.map((pod) => pod.metadata.name).sort());
    }
  }
  return problems;
}

describe('endpoint controllers over random Services and pods', () => {
  it('list every ready selected pod once, and no pod that is not ready as ready, once settled', () => {
    fc.assert(
      fc.property(serviceScenario(), seed, (scenario, runSeed) => {
        const result = simulate(scenario, { seed: runSeed });
        expect(problemsOf(result.state)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
