// CronJobs (batch/v1), defaulted and validated as upstream's SetDefaults_CronJob and
// ValidateCronJob: concurrency Allow, not suspended, three successful and one failed job kept,
// a name short enough for the job names made from it, a job template whose pods restart
// OnFailure or Never, and a schedule the cron parser accepts.

import { describeCronJob } from '../describe/cronjob.ts';
import type { CronJob, CronJobStatus } from '../../core/workloads.ts';
import { validateCronSchedule } from '../validation/cron-schedule.ts';
import { cronJobColumns } from '../printers/workloads.ts';
import { type FieldError, invalid, required, unsupported } from '../validation/field-errors.ts';
import { isRecord, validateCount, validateTemplate } from '../validation/workload.ts';
import { validateIndexed, validateJobSpec } from './job.ts';
import { CRON_JOB_FIELDS } from '../schema/batch.ts';
import { specOf, withDefaultedTemplate, workloadKind } from './workload-kind.ts';
import { withFields } from '../../core/with-fields.ts';

/** A job's name is the CronJob's and an 11-character suffix; both must fit in 63. */
const MAX_NAME_LENGTH = 52;

function defaults(cronJob: CronJob): CronJob {
  const spec = specOf(cronJob);
  const jobTemplate = isRecord(spec.jobTemplate) ? spec.jobTemplate : {};
  const jobSpec = isRecord(jobTemplate.spec) ? jobTemplate.spec : {};
  return {
    ...cronJob,
    spec: {
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      ...spec,
      jobTemplate: withFields(jobTemplate, { spec: withFields(jobSpec, { template: withDefaultedTemplate(jobSpec.template) }) }),
    },
    // The spec is read from loose JSON (specOf); validation right after defaulting checks its shape.
  } as unknown as CronJob;
}

function validate(cronJob: CronJob): FieldError[] {
  const spec = specOf(cronJob);
  const errors: FieldError[] = [];
  if (cronJob.metadata.name.length > MAX_NAME_LENGTH) errors.push(invalid('metadata.name', cronJob.metadata.name, `must be no more than ${MAX_NAME_LENGTH} characters`));
  if (typeof spec.schedule !== 'string' || spec.schedule === '') errors.push(required('spec.schedule'));
  else errors.push(...validateCronSchedule('spec.schedule', spec.schedule, 'spec.timeZone', spec.timeZone));
  if (!['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy as string)) errors.push(unsupported('spec.concurrencyPolicy', spec.concurrencyPolicy, ['Allow', 'Forbid', 'Replace']));
  errors.push(
    ...validateCount('spec.startingDeadlineSeconds', spec.startingDeadlineSeconds),
    ...validateCount('spec.successfulJobsHistoryLimit', spec.successfulJobsHistoryLimit),
    ...validateCount('spec.failedJobsHistoryLimit', spec.failedJobsHistoryLimit),
  );
  const jobTemplate = isRecord(spec.jobTemplate) ? spec.jobTemplate : undefined;
  const jobSpec = jobTemplate !== undefined && isRecord(jobTemplate.spec) ? jobTemplate.spec : undefined;
  if (jobSpec === undefined) return [...errors, required('spec.jobTemplate.spec')];
  // A template's completion mode defaults as a Job's would; a CronJob whose Jobs would all be refused is refused itself.
  const jobDefaults = { completionMode: 'NonIndexed', ...jobSpec };
  return [
    ...errors,
    ...validateJobSpec('spec.jobTemplate.spec', jobSpec),
    ...validateIndexed(jobDefaults, 'spec.jobTemplate.spec'),
    ...validateTemplate('spec.jobTemplate.spec.template', jobSpec.template, undefined, ['OnFailure', 'Never'], false),
  ];
}

export function tellCronJobStatus(status: unknown): string {
  const { active, lastScheduleTime } = (status ?? {}) as Partial<CronJobStatus>;
  return `${active?.length ?? 0} active${lastScheduleTime === undefined ? '' : `, last scheduled ${lastScheduleTime}`}`;
}

export const CRON_JOB = workloadKind<CronJob>({
  names: { kind: 'CronJob', group: 'batch', version: 'v1', plural: 'cronjobs', shortNames: ['cj'], namespaced: true, categories: ['all'] },
  fields: CRON_JOB_FIELDS,
  scale: false,
  defaults,
  validate,
  initialStatus: () => ({}),
  template: (cronJob) => cronJob.spec.jobTemplate?.spec?.template,
  describe: (w, object, context) => describeCronJob(w, object, context),
  columns: cronJobColumns,
  tellStatus: tellCronJobStatus,
});
