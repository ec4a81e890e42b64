// A small stand-in for the API server in StatefulSet tests, in the spirit of upstream's
// fakeObjectManager and the scaleUpStatefulSetControl / scaleDownStatefulSetControl loops
// (pkg/controller/statefulset/stateful_set_control_test.go): it applies a sync plan's calls at
// once (a deleted pod is gone, a created one is Pending) and lets a test make pods ready.

import type { EventRecord } from '../../../core/commands.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { Pod } from '../../../core/objects.ts';
import type { PersistentVolumeClaim, StatefulSet } from '../../../core/workloads.ts';
import { planStatefulSetSync, type StatefulSetSyncPlan } from '../../../controllers/statefulset/plan.ts';
import type { RevisionLike } from '../../../controllers/statefulset/revisions.ts';
import { podFrom } from './builders.ts';

export class FakeCluster {
  pods = new Map<string, Pod>();
  claims = new Map<string, PersistentVolumeClaim>();
  revisions: RevisionLike[] = [];
  events: EventRecord[] = [];
  nowMs = 0;
  private serial = 0;

  constructor(public set: StatefulSet) {}

  sync(): StatefulSetSyncPlan {
    const plan = planStatefulSetSync({
      set: this.set,
      pods: [...this.pods.values()],
      revisions: this.revisions,
      claims: (name) => this.claims.get(name),
      nowMs: this.nowMs,
    });
    this.apply(plan);
    return plan;
  }

  private apply(plan: StatefulSetSyncPlan): void {
    const step = plan.revisionStep;
    if (step.kind === 'create') {
      this.revisions.push({ ...step.revision, metadata: { ...step.revision.metadata, creationTimestamp: toTimestamp(this.nowMs) } });
    } else if (step.kind === 'renumber') {
      this.revisions = this.revisions.map((r) => (r.metadata.name === step.revision.metadata.name ? { ...r, revision: step.newRevision } : r));
    }
    for (const action of plan.actions) {
      switch (action.type) {
        case 'createClaim':
          this.claims.set(action.claim.metadata.name, { ...action.claim, metadata: { ...action.claim.metadata, uid: `uid-${action.claim.metadata.name}`, creationTimestamp: toTimestamp(this.nowMs) }, status: { phase: 'Bound' } });
          break;
        case 'updateClaim':
          this.claims.set(action.claim.metadata.name, action.claim);
          break;
        case 'createPod':
          this.pods.set(action.pod.metadata.name, podFrom(action.pod, { uid: `uid-${action.pod.metadata.name}-${++this.serial}` }));
          break;
        case 'updatePod':
          this.pods.set(action.pod.metadata.name, action.pod);
          break;
        case 'deletePod':
          this.pods.delete(action.pod.metadata.name);
          break;
        case 'recordEvent':
          break;
      }
      if ('record' in action) this.events.push(action.record);
    }
    if (plan.writeStatus) this.set = { ...this.set, status: plan.status };
    const doomed = new Set(plan.historyToDelete.map((r) => r.metadata.name));
    this.revisions = this.revisions.filter((r) => !doomed.has(r.metadata.name));
  }

  makeReady(name: string, sinceMs = this.nowMs): void {
    const pod = this.pods.get(name);
    if (pod === undefined) return;
    const conditions = [{ type: 'Ready', status: 'True' as const, lastTransitionTime: toTimestamp(sinceMs) }];
    this.pods.set(name, { ...pod, status: { ...pod.status, phase: 'Running', conditions } });
  }

  makeAllReady(): void {
    for (const name of this.pods.keys()) this.makeReady(name);
  }

  /** Back to Pending without a Ready condition, as a restarted pod. */
  makeUnready(name: string): void {
    const pod = this.pods.get(name);
    if (pod !== undefined) this.pods.set(name, { ...pod, status: { phase: 'Pending' } });
  }

  setPhase(name: string, phase: Pod['status']['phase']): void {
    const pod = this.pods.get(name);
    if (pod !== undefined) this.pods.set(name, { ...pod, status: { ...pod.status, phase } });
  }

  podNames(): string[] {
    return [...this.pods.keys()].sort();
  }

  /** scaleUpStatefulSetControl: sync, make every pod ready and let time pass until every replica is ready. */
  settle(maxSyncs = 50): void {
    for (let i = 0; i < maxSyncs; i++) {
      this.sync();
      this.makeAllReady();
      // Let minReadySeconds pass, so ready pods count as available on the next sync.
      this.nowMs += ((this.set.spec.minReadySeconds ?? 0) + 1) * 1000;
      const status = this.set.status;
      if (this.pods.size === this.set.spec.replicas && (status.readyReplicas ?? 0) === this.set.spec.replicas) {
        this.sync();
        return;
      }
    }
    throw new Error('did not settle');
  }
}
