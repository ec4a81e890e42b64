// Jobs (batch/v1), defaulted as upstream's SetDefaults_Job and the job strategy's generateSelector
// (completions and parallelism 1 when neither is given, a back-off limit of 6, the controller-uid
// and job-name labels on the template and a selector on the controller uid), and validated as
// ValidateJobSpec: pods that restart OnFailure or Never, Indexed jobs with completions. Deleting a
// Job through batch/v1 orphans its pods unless told otherwise, as upstream keeps for compatibility.

import { describeJob } from '../describe/job.ts';
import { sameJson } from '../../core/canonical-json.ts';
import type { Job, JobStatus } from '../../core/workloads.ts';
import { jobColumns } from '../printers/workloads.ts';
import { type FieldError, invalid, MAX_INT32, required, unsupported } from '../validation/field-errors.ts';
import { isRecord, validateCount, validateSelector, validateTemplate } from '../validation/workload.ts';
import { JOB_FIELDS } from '../schema/batch.ts';
import { specOf, withDefaultedTemplate, workloadKind } from './workload-kind.ts';
import { withFields } from '../../core/with-fields.ts';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
const LEGACY_JOB_NAME_LABEL = 'job-name';
const MAX_INDEXED_COMPLETIONS = 100_000;

/** generateSelector: the job's identity labels on the template, and a selector on its uid. */
function generatedSelector(job: Job, spec: Record<string, unknown>): Record<string, unknown> {
  const template = isRecord(spec.template) ? spec.template : {};
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const { name, uid } = job.metadata;
  const labels = { [LEGACY_JOB_NAME_LABEL]: name, [JOB_NAME_LABEL]: name, [LEGACY_CONTROLLER_UID_LABEL]: uid, [CONTROLLER_UID_LABEL]: uid, ...(isRecord(metadata.labels) ? metadata.labels : {}) };
  const selector = isRecord(spec.selector) ? spec.selector : {};
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  return withFields(spec, {
    template: withFields(template, { metadata: withFields(metadata, { labels }) }),
    selector: withFields(selector, { matchLabels: { [CONTROLLER_UID_LABEL]: uid, ...matchLabels } }),
  });
}

function defaults(job: Job): Job {
  const given = specOf(job);
  const spec = given.manualSelector === true ? given : generatedSelector(job, given);
  const neither = spec.completions === undefined && spec.parallelism === undefined;
  const template = withDefaultedTemplate(spec.template);
  const labels = Object.keys(job.metadata.labels ?? {}).length === 0 && template?.metadata?.labels !== undefined ? template.metadata.labels : job.metadata.labels;
  return {
    ...job,
    metadata: withFields(job.metadata, labels === undefined ? {} : { labels }),
    spec: withFields(neither ? { completions: 1 } : {}, {
      parallelism: 1,
      backoffLimit: spec.backoffLimitPerIndex === undefined ? 6 : MAX_INT32,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: spec.podFailurePolicy === undefined ? 'TerminatingOrFailed' : 'Failed',
      ...spec,
      template,
    }),
  } as Job;
}

/** The completion mode's rules; `path` is where the job spec sits (spec, or a CronJob's job template). */
export function validateIndexed(spec: Record<string, unknown>, path = 'spec'): FieldError[] {
  if (spec.completionMode === 'NonIndexed') {
    return spec.backoffLimitPerIndex === undefined ? [] : [invalid(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode')];
  }
  if (spec.completionMode !== 'Indexed') return [unsupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed'])];
  if (spec.completions === undefined || spec.completions === null) return [required(`${path}.completions`, 'when completion mode is Indexed')];
  const errors: FieldError[] = [];
  if (typeof spec.completions === 'number' && spec.completions > MAX_INDEXED_COMPLETIONS) errors.push(invalid(`${path}.completions`, spec.completions, `must be less than or equal to ${MAX_INDEXED_COMPLETIONS} when completion mode is Indexed`));
  if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_INDEXED_COMPLETIONS) errors.push(invalid(`${path}.parallelism`, spec.parallelism, `must be less than or equal to ${MAX_INDEXED_COMPLETIONS} when completion mode is Indexed`));
  return errors;
}

/** The spec checks a Job and a CronJob's job template share (ValidateJobSpec without the selector). */
export function validateJobSpec(path: string, spec: Record<string, unknown>): FieldError[] {
  const errors = [
    ...validateCount(`${path}.parallelism`, spec.parallelism),
    ...validateCount(`${path}.completions`, spec.completions),
    ...validateCount(`${path}.backoffLimit`, spec.backoffLimit),
    ...validateCount(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex),
    ...validateCount(`${path}.ttlSecondsAfterFinished`, spec.ttlSecondsAfterFinished),
    ...validateCount(`${path}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 1),
  ];
  return errors;
}

function validate(job: Job): FieldError[] {
  const spec = specOf(job);
  const selectorErrors = validateSelector('spec.selector', spec.selector);
  return [
    ...validateJobSpec('spec', spec),
    ...validateIndexed(spec),
    ...selectorErrors,
    ...validateTemplate('spec.template', spec.template, spec.selector, ['OnFailure', 'Never'], selectorErrors.length === 0),
  ];
}

/** Fields a Job keeps for life (ValidateJobSpecUpdate), the template too unless the job is suspended. */
function validateUpdate(next: Job, current: Job): FieldError[] {
  const errors: FieldError[] = [];
  if (!sameJson(next.spec.selector, current.spec.selector)) errors.push(invalid('spec.selector', next.spec.selector, 'field is immutable'));
  if (next.spec.completions !== current.spec.completions && next.spec.completionMode !== 'Indexed') errors.push(invalid('spec.completions', next.spec.completions, 'field is immutable'));
  if (next.spec.completionMode !== current.spec.completionMode) errors.push(invalid('spec.completionMode', next.spec.completionMode, 'field is immutable'));
  const suspendedNeverStarted = current.spec.suspend && current.status.startTime === undefined;
  if (!suspendedNeverStarted && !sameJson(next.spec.template, current.spec.template)) errors.push(invalid('spec.template', '', 'field is immutable'));
  return errors;
}

export function tellJobStatus(status: unknown): string {
  const { active, ready, succeeded, failed, conditions } = (status ?? {}) as Partial<JobStatus>;
  const finished = (conditions ?? []).filter((condition) => condition.status === 'True').map((condition) => condition.type);
  const counts = `${active ?? 0} active, ${ready ?? 0} ready, ${succeeded ?? 0} succeeded, ${failed ?? 0} failed`;
  return finished.length === 0 ? counts : `${counts}, ${finished.join(', ')}`;
}

export const JOB = workloadKind<Job>({
  names: { kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', shortNames: [], namespaced: true, categories: ['all'] },
  fields: JOB_FIELDS,
  scale: false,
  defaultPropagation: 'Orphan',
  defaults,
  validate,
  validateUpdate,
  initialStatus: () => ({}),
  template: (job) => job.spec.template,
  describe: (w, object, context) => describeJob(w, object, context),
  columns: jobColumns,
  tellStatus: tellJobStatus,
});
