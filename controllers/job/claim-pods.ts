// The pods a Job manages, as upstream's getPodsForJob (pkg/controller/job/job_controller.go):
// ClaimPods over the namespace's pods, keeping its own that match the selector, releasing its own
// that no longer do and adopting matching orphans. Adoption also gives the pod the tracking
// finalizer (upstream's adoption patch carries it), so its result is counted like any other; the
// sync goes on with the adopted pods as if it were already there.

import type { Command } from '../../core/commands.ts';
import { compareStrings } from '../../core/table.ts';
import type { Pod } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimCommands, claimObjects } from '../common/claim.ts';
import { controllerRef } from '../common/controller-ref.ts';
import { labelMatcher } from '../common/label-matcher.ts';
import { hasJobTrackingFinalizer, JOB_TRACKING_FINALIZER } from './job-pods.ts';
import { withFields } from '../../core/with-fields.ts';

export interface JobPodClaim {
  /** The Job's pods after the claim, sorted by name: the stable order the sync plan wants. */
  readonly pods: readonly Pod[];
  /** Releases, adoptions, then the finalizer patch of each adopted pod that lacks it. */
  readonly commands: readonly Command[];
}

function withFinalizer(pod: Pod): Pod {
  return { ...pod, metadata: withFields(pod.metadata, { finalizers: [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER] }) };
}

function addFinalizer(actor: string, pod: Pod): Command {
  const { namespace = 'default', name } = pod.metadata;
  return { type: 'patch', actor, kind: 'Pod', namespace, name, patch: { metadata: { finalizers: [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER] } } };
}

export function claimJobPods(state: ClusterState, job: Job, actor: string): JobPodClaim {
  const claim = claimObjects<Pod>(state, 'Pod', job, labelMatcher(job.spec.selector));
  const untracked = claim.adopt.filter((pod) => !hasJobTrackingFinalizer(pod));
  const needsFinalizer = new Set(untracked.map((pod) => pod.metadata.uid));
  const pods = claim.owned
    .map((pod) => (needsFinalizer.has(pod.metadata.uid) ? withFinalizer(pod) : pod))
    .sort((a, b) => compareStrings(a.metadata.name, b.metadata.name));
  const commands = [...claimCommands(actor, claim, controllerRef(job)), ...untracked.map((pod) => addFinalizer(actor, pod))];
  return { pods, commands };
}
