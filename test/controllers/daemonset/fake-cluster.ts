// A stand-in for the API server in DaemonSet tests, in the spirit of upstream's fakePodControl
// (pkg/controller/daemon/daemon_controller_test.go): calls take effect at once, created pods are
// bound to their node and Pending, and expectSyncDaemonSets counts creates and deletes per sync.

import type { EventRecord } from '../../../core/commands.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { Node, Pod } from '../../../core/objects.ts';
import type { DaemonSet } from '../../../core/workloads.ts';
import type { FailedPodBackoff } from '../../../controllers/daemonset/failed-pod-backoff.ts';
import type { ControllerRevision } from '../../../controllers/daemonset/history.ts';
import { type DaemonSetSyncPlan, planDaemonSetSync } from '../../../controllers/daemonset/plan.ts';

export class FakeDaemonCluster {
  pods = new Map<string, Pod>();
  histories: ControllerRevision[] = [];
  events: EventRecord[] = [];
  backoff: FailedPodBackoff = new Map();
  nowMs = 0;
  private serial = 0;

  constructor(
    public ds: DaemonSet,
    public nodes: Node[],
  ) {}

  sync(): DaemonSetSyncPlan {
    const plan = planDaemonSetSync({
      ds: this.ds,
      nodes: this.nodes,
      pods: [...this.pods.values()],
      histories: this.histories,
      revisionNamed: (name) => this.histories.find((h) => h.metadata.name === name),
      nowMs: this.nowMs,
      backoff: this.backoff,
    });
    this.apply(plan);
    return plan;
  }

  private apply(plan: DaemonSetSyncPlan): void {
    for (const action of plan.historyActions) {
      if (action.type === 'createRevision') {
        const manifest = action.revision as unknown as ControllerRevision;
        this.histories.push({ ...manifest, metadata: { ...manifest.metadata, uid: `uid-${manifest.metadata.name}`, creationTimestamp: toTimestamp(this.nowMs) } });
      } else if (action.type === 'renumberRevision') {
        this.histories = this.histories.map((h) => (h.metadata.name === action.revision.metadata.name ? { ...h, revision: action.newRevision } : h));
      } else if (action.type === 'deleteRevision') {
        this.histories = this.histories.filter((h) => h.metadata.name !== action.revision.metadata.name);
      }
    }
    for (const action of plan.actions) {
      if (action.type === 'createPod') {
        const name = `${action.pod.metadata.generateName}${++this.serial}`;
        const metadata = { ...action.pod.metadata, name, uid: `uid-${name}`, creationTimestamp: toTimestamp(this.nowMs) };
        this.pods.set(name, { ...action.pod, metadata, spec: { ...action.pod.spec, nodeName: action.nodeName }, status: { phase: 'Pending' } });
        this.events.push({ ...action.record, message: action.record.message.replace('{name}', name) });
      } else {
        if (action.type === 'deletePod') this.pods.delete(action.pod.metadata.name);
        this.events.push(action.record);
      }
    }
    const doomed = new Set(plan.revisionsToDelete.map((h) => h.metadata.name));
    this.histories = this.histories.filter((h) => !doomed.has(h.metadata.name));
    if (plan.status !== undefined) this.ds = { ...this.ds, status: plan.status };
    this.backoff = plan.backoff;
  }

  /** expectSyncDaemonSets: the creates and deletes of one sync. */
  syncCounts(): [number, number] {
    const { actions } = this.sync();
    return [actions.filter((a) => a.type === 'createPod').length, actions.filter((a) => a.type === 'deletePod').length];
  }

  /** markPodsReady. */
  markPodsReady(sinceMs = this.nowMs): void {
    for (const [name, pod] of this.pods) {
      const conditions = [{ type: 'Ready', status: 'True' as const, lastTransitionTime: toTimestamp(sinceMs) }];
      this.pods.set(name, { ...pod, status: { ...pod.status, phase: 'Running', conditions } });
    }
  }

  podsOn(nodeName: string): Pod[] {
    return [...this.pods.values()].filter((pod) => pod.spec.nodeName === nodeName);
  }
}

export function nodes(count: number, labels = {}): Node[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: `node-${i}`, uid: `uid-node-${i}`, creationTimestamp: toTimestamp(0), labels },
    spec: {},
    status: { capacity: {}, allocatable: {}, conditions: [{ type: 'Ready', status: 'True' }] },
  }));
}
