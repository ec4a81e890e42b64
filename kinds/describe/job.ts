// `kubectl describe job` (describe.go describeJob): identity, selector, the spec's counts and
// limits, start and completion times, the pod counts of its status, the completed indexes of an
// Indexed job, and its pod template.

import { fromTimestamp } from '../../core/clock.ts';
import { formatAgeMs } from '../../core/duration.ts';
import { controllerOf } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { rfc1123z } from '../printers/time.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { describePodTemplate } from './replicaset.ts';
import { selectorText as labelSelectorText } from '../../core/labels.ts';

const COMPLETED_INDEXES_SOFT_LIMIT = 50;

/** capIndexesListOrNone: the list cut at the first comma from the soft limit on, with "...". */
export function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (indexes === undefined || indexes === '') return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  return comma === -1 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

/** duration.HumanDuration, which says "<invalid>" for a span more than a second negative. */
function humanDuration(ms: number): string {
  return Math.trunc(ms / 1000) < -1 ? '<invalid>' : formatAgeMs(ms);
}

function describeSpec(w: DescribeWriter, job: Job): void {
  const { spec } = job;
  if (spec.parallelism !== undefined) w.line(0, `Parallelism:\t${spec.parallelism}`);
  w.line(0, `Completions:\t${spec.completions ?? '<unset>'}`);
  if (spec.completionMode !== undefined) w.line(0, `Completion Mode:\t${spec.completionMode}`);
  if (spec.suspend !== undefined) w.line(0, `Suspend:\t${spec.suspend}`);
  if (spec.backoffLimit !== undefined) w.line(0, `Backoff Limit:\t${spec.backoffLimit}`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.line(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}`);
}

function describeStatus(w: DescribeWriter, job: Job): void {
  const { spec, status } = job;
  if (status.startTime !== undefined) w.line(0, `Start Time:\t${rfc1123z(status.startTime)}`);
  if (status.completionTime !== undefined) w.line(0, `Completed At:\t${rfc1123z(status.completionTime)}`);
  if (status.startTime !== undefined && status.completionTime !== undefined) {
    w.line(0, `Duration:\t${humanDuration(fromTimestamp(status.completionTime) - fromTimestamp(status.startTime))}`);
  }
  if (spec.activeDeadlineSeconds !== undefined) w.line(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  const active = status.active ?? 0;
  const rest = `${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed`;
  w.line(
    0,
    status.ready === undefined
      ? `Pods Statuses:\t${active} Active / ${rest}`
      : `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${rest}`,
  );
  if (spec.completionMode === 'Indexed') {
    w.line(0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes, COMPLETED_INDEXES_SOFT_LIMIT)}`);
  }
}

export function describeJob(
  w: DescribeWriter,
  job: Job,
  _context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  const { metadata, spec } = job;
  w.line(0, `Name:\t${metadata.name}`);
  w.line(0, `Namespace:\t${metadata.namespace ?? ''}`);
  w.line(0, `Selector:\t${labelSelectorText(spec.selector)}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  const owner = controllerOf(job);
  if (owner !== undefined) w.line(0, `Controlled By:\t${owner.kind}/${owner.name}`);
  describeSpec(w, job);
  describeStatus(w, job);
  describePodTemplate(w, spec.template);
}
