// `kubectl describe cronjob` (describe.go describeCronJob, describeJobTemplate, printActiveJobs):
// the schedule and its policies, the job template's selector and counts, its pod template, the
// last schedule time and the jobs still running.

import type { CronJob, JobTemplateSpec, ObjectReference } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { rfc1123z } from '../printers/time.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { describePodTemplate } from './replicaset.ts';
import { selectorText as labelSelectorText } from '../../core/labels.ts';

/** printBoolPtr: "True", "False", or "<unset>". */
function boolPointerText(value: boolean | undefined): string {
  if (value === undefined) return '<unset>';
  return value ? 'True' : 'False';
}

function unsetOr(value: number | undefined, unit = ''): string {
  return value === undefined ? '<unset>' : `${value}${unit}`;
}

function describeJobTemplate(w: DescribeWriter, jobTemplate: JobTemplateSpec): void {
  const { spec } = jobTemplate;
  w.line(0, `Selector:\t${spec.selector === undefined ? '<unset>' : labelSelectorText(spec.selector)}`);
  w.line(0, `Parallelism:\t${unsetOr(spec.parallelism)}`);
  w.line(0, `Completions:\t${unsetOr(spec.completions)}`);
  if (spec.activeDeadlineSeconds !== undefined) w.line(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s`);
  describePodTemplate(w, spec.template);
}

function activeJobsText(jobs: readonly ObjectReference[] | undefined): string {
  return jobs === undefined || jobs.length === 0 ? '<none>' : jobs.map((job) => job.name).join(', ');
}

export function describeCronJob(
  w: DescribeWriter,
  cronJob: CronJob,
  _context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  const { metadata, spec, status } = cronJob;
  w.line(0, `Name:\t${metadata.name}`);
  w.line(0, `Namespace:\t${metadata.namespace ?? ''}`);
  labelsMultiline(w, 'Labels', metadata.labels);
  annotationsMultiline(w, 'Annotations', metadata.annotations);
  w.line(0, `Schedule:\t${spec.schedule}`);
  w.line(0, `Concurrency Policy:\t${spec.concurrencyPolicy}`);
  w.line(0, `Suspend:\t${boolPointerText(spec.suspend)}`);
  w.line(0, `Successful Job History Limit:\t${unsetOr(spec.successfulJobsHistoryLimit)}`);
  w.line(0, `Failed Job History Limit:\t${unsetOr(spec.failedJobsHistoryLimit)}`);
  w.line(0, `Starting Deadline Seconds:\t${unsetOr(spec.startingDeadlineSeconds, 's')}`);
  describeJobTemplate(w, spec.jobTemplate);
  w.line(0, `Last Schedule Time:\t${status.lastScheduleTime === undefined ? '<unset>' : rfc1123z(status.lastScheduleTime)}`);
  w.line(0, `Active Jobs:\t${activeJobsText(status.active)}`);
}
