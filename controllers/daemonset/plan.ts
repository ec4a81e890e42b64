// What one DaemonSet sync does, as upstream's syncDaemonSet, updateDaemonSet and syncNodes
// (pkg/controller/daemon/daemon_controller.go), in the order of its API calls:
//   1. the history steps (label, create, dedup, renumber ControllerRevisions);
//   2. manage's creates, then its deletes (at most BurstReplicas = 250 of each);
//   3. with RollingUpdate, the rolling update's creates and deletes;
//   4. the old revisions to delete;
//   5. the status, when it changed.
// Upstream runs the rolling update only once its informer has seen manage's creates and deletes
// (expectations). We take the view of upstream's own unit tests, whose fake pod control shows
// them at once: the rolling update sees manage's deletions gone and its creations as new pending
// pods. The status is counted on the pods as the sync found them.

import type { EventRecord } from '../../core/commands.ts';
import { toTimestamp } from '../../core/clock.ts';
import type { Node, Pod } from '../../core/objects.ts';
import type { DaemonSet, DaemonSetStatus } from '../../core/workloads.ts';
import { createdPodEvent, deletedPodEvent, selectingAllEvent } from './events.ts';
import type { FailedPodBackoff } from './failed-pod-backoff.ts';
import { type ControllerRevision, constructHistory, type HistoryAction, historyToDelete } from './history.ts';
import { manage, type ManagePlan, nodeToDaemonPods } from './manage.ts';
import { daemonPodManifest, type PodManifest } from './pod-template.ts';
import { rollingUpdate } from './rolling-update.ts';
import { availabilityRequeueMs, countDaemonPods, daemonSetStatus, statusNeedsWrite } from './status.ts';
import { withFields } from '../../core/with-fields.ts';

/** BurstReplicas: the most pods one sync creates, and the most it deletes. */
export const BURST_REPLICAS = 250;

export type DaemonSetAction =
  | { readonly type: 'createPod'; readonly nodeName: string; readonly pod: PodManifest; readonly record: EventRecord }
  | { readonly type: 'deletePod'; readonly pod: Pod; readonly record: EventRecord }
  | { readonly type: 'recordEvent'; readonly record: EventRecord };

export interface DaemonSetSyncInput {
  readonly ds: DaemonSet;
  readonly nodes: readonly Node[];
  /** The pods the DaemonSet owns (claimed), terminal ones included. */
  readonly pods: readonly Pod[];
  /** The ControllerRevisions it owns, adoption done. */
  readonly histories: readonly ControllerRevision[];
  /** Any ControllerRevision of the namespace by name, for name collisions. */
  readonly revisionNamed: (name: string) => ControllerRevision | undefined;
  readonly nowMs: number;
  readonly backoff: FailedPodBackoff;
}

export interface DaemonSetSyncPlan {
  readonly historyActions: readonly HistoryAction[];
  /** Pod actions in order; FailedDaemonPod and SucceededDaemonPod events come before them. */
  readonly actions: readonly DaemonSetAction[];
  readonly revisionsToDelete: readonly ControllerRevision[];
  /** The status to write, or undefined when upstream writes none. */
  readonly status?: DaemonSetStatus;
  readonly requeueAfterMs?: number;
  readonly backoff: FailedPodBackoff;
  readonly error?: string;
}

function selectsAll(ds: DaemonSet): boolean {
  return ds.spec.selector.matchLabels === undefined && ds.spec.selector.matchExpressions === undefined;
}

/** syncNodes: creates (each pinned to its node) then deletes, each list cut at BurstReplicas. */
export function syncNodes(
  ds: DaemonSet,
  deletes: readonly Pod[],
  createOn: readonly string[],
  hash: string,
): DaemonSetAction[] {
  const creates = createOn.slice(0, BURST_REPLICAS).map(
    (nodeName): DaemonSetAction => ({
      type: 'createPod',
      nodeName,
      pod: daemonPodManifest(ds, nodeName, hash),
      record: createdPodEvent(ds),
    }),
  );
  const removals = deletes.slice(0, BURST_REPLICAS).map(
    (pod): DaemonSetAction => ({ type: 'deletePod', pod, record: deletedPodEvent(ds, pod.metadata.name) }),
  );
  return [...creates, ...removals];
}

/** A pod manage asked for, as the rolling update would see it once created: pending, not ready. */
function pendingPod(ds: DaemonSet, nodeName: string, hash: string, nowMs: number): Pod {
  const manifest = daemonPodManifest(ds, nodeName, hash);
  const name = `${manifest.metadata.generateName}pending-${nodeName}`;
  const metadata = withFields(manifest.metadata, { name, uid: `pending/${name}`, creationTimestamp: toTimestamp(nowMs) });
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: manifest.spec, status: { phase: 'Pending' } };
}

/** The pods after manage's calls: its deletions gone, its creations pending. */
function podsAfterManage(ds: DaemonSet, pods: readonly Pod[], managed: ManagePlan, hash: string, nowMs: number): Pod[] {
  const deleted = new Set(managed.deletes.slice(0, BURST_REPLICAS).map((pod) => pod.metadata.uid));
  const created = managed.createOn.slice(0, BURST_REPLICAS).map((nodeName) => pendingPod(ds, nodeName, hash, nowMs));
  return [...pods.filter((pod) => !deleted.has(pod.metadata.uid)), ...created];
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}

export function planDaemonSetSync(input: DaemonSetSyncInput): DaemonSetSyncPlan {
  const { ds, nodes, pods, nowMs, backoff } = input;
  const idle = { historyActions: [], revisionsToDelete: [], backoff };
  if (selectsAll(ds)) return withFields(idle, { actions: [{ type: 'recordEvent', record: selectingAllEvent(ds) }] });
  if (ds.metadata.deletionTimestamp !== undefined) return withFields(idle, { actions: [] });
  const history = constructHistory(ds, input.histories, pods, input.revisionNamed);
  if (history.error !== undefined) {
    const error = `failed to construct revisions of DaemonSet: ${history.error}`;
    return withFields(idle, { historyActions: history.actions, actions: [], error });
  }
  const byNode = nodeToDaemonPods(pods, false);
  const managed = manage(ds, nodes, byNode, history.hash, nowMs, backoff);
  const actions: DaemonSetAction[] = managed.events.map((record) => ({ type: 'recordEvent', record }));
  actions.push(...syncNodes(ds, managed.deletes, managed.createOn, history.hash));
  let error: string | undefined;
  if (ds.spec.updateStrategy.type === 'RollingUpdate') {
    const after = nodeToDaemonPods(podsAfterManage(ds, pods, managed, history.hash, nowMs), false);
    const rolled = rollingUpdate(ds, nodes, after, history.hash, nowMs);
    error = rolled.error;
    actions.push(...syncNodes(ds, rolled.deletes, rolled.createOn, history.hash));
  }
  // cleanupHistory reads the pods by node, deleted terminal ones included.
  const livePods = [...nodeToDaemonPods(pods, true).values()].flat();
  const revisionsToDelete = error === undefined ? historyToDelete(ds, history.old, livePods) : [];
  const counts = countDaemonPods(ds, nodes, byNode, history.hash, nowMs);
  const status = daemonSetStatus(ds, counts, true);
  const requeueAfterMs = minDefined(managed.requeueAfterMs, availabilityRequeueMs(ds, counts));
  return {
    historyActions: history.actions,
    actions,
    revisionsToDelete,
    ...(statusNeedsWrite(ds, counts) ? { status } : {}),
    ...(requeueAfterMs === undefined ? {} : { requeueAfterMs }),
    backoff: managed.backoff,
    ...(error === undefined ? {} : { error }),
  };
}
