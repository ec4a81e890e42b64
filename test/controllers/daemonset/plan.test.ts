// One DaemonSet sync end to end, as upstream's syncDaemonSet (pkg/controller/daemon/
// daemon_controller.go; TestSelectorDaemonLaunchesPods-style and TestDaemonSetHashCollision-style
// cases of daemon_controller_test.go).

import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../../core/clock.ts';
import { planDaemonSetSync } from '../../../controllers/daemonset/plan.ts';
import { DAEMONSET_HASH_LABEL, TEMPLATE_GENERATION_LABEL } from '../../../controllers/daemonset/pod-template.ts';
import { daemonSet } from './builders.ts';
import { FakeDaemonCluster, nodes } from './fake-cluster.ts';

const input = { nodes: nodes(2), pods: [], histories: [], revisionNamed: () => undefined, nowMs: 0, backoff: new Map() };

describe('DaemonSet sync', () => {
  it('refuses a selector that selects everything, with upstream warning text', () => {
    const base = daemonSet();
    const ds = { ...base, spec: { ...base.spec, selector: {} } };
    const plan = planDaemonSetSync({ ...input, ds });
    expect(plan.actions.map((action) => action.record.message)).toEqual(['This daemon set is selecting all pods. A non-empty selector is required.']);
  });

  it('does nothing, status included, for a DaemonSet being deleted', () => {
    const base = daemonSet();
    const plan = planDaemonSetSync({ ...input, ds: { ...base, metadata: { ...base.metadata, deletionTimestamp: toTimestamp(0) } } });
    expect([plan.actions, plan.historyActions, plan.status]).toEqual([[], [], undefined]);
  });

  it('creates the revision first and labels new pods with its hash', () => {
    const fake = new FakeDaemonCluster(daemonSet(), nodes(1));
    fake.sync();
    const hash = fake.histories[0]?.metadata.labels?.[DAEMONSET_HASH_LABEL];
    expect([...fake.pods.values()].map((pod) => pod.metadata.labels?.[DAEMONSET_HASH_LABEL])).toEqual([hash]);
  });

  it('labels pods with the template generation the API server keeps in an annotation', () => {
    const base = daemonSet();
    const ds = { ...base, metadata: { ...base.metadata, annotations: { 'deprecated.daemonset.template.generation': '3' } } };
    const fake = new FakeDaemonCluster(ds, nodes(1));
    fake.sync();
    expect([...fake.pods.values()][0]?.metadata.labels?.[TEMPLATE_GENERATION_LABEL]).toBe('3');
  });

  it('writes the status counted before its own calls, with the generation observed', () => {
    const plan = planDaemonSetSync({ ...input, ds: daemonSet({ generation: 4 }) });
    expect(plan.status).toEqual({ observedGeneration: 4, desiredNumberScheduled: 2, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 2 });
  });

  it('fails the sync on a revision name collision, without touching pods', () => {
    const fake = new FakeDaemonCluster(daemonSet(), nodes(1));
    fake.sync();
    const [existing] = fake.histories;
    const squatter = existing === undefined ? undefined : { ...existing, data: { other: true } };
    const plan = planDaemonSetSync({ ...input, ds: fake.ds, histories: [], revisionNamed: () => squatter });
    expect([plan.actions, plan.error?.startsWith('failed to construct revisions of DaemonSet')]).toEqual([[], true]);
  });
});
