// The Events the CronJob controller records on the CronJob, with v1.34's reasons and texts
// (pkg/controller/cronjob/cronjob_controllerv2.go and utils.go). Source component
// "cronjob-controller".

import { formatRfc1123zUtc } from '../../core/cron/time-zone.ts';
import { EPOCH_MS } from '../../core/clock.ts';

export const CRONJOB_CONTROLLER_COMPONENT = 'cronjob-controller';

export interface CronJobEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

const normal = (reason: string, message: string): CronJobEvent => ({ type: 'Normal', reason, message });
const warning = (reason: string, message: string): CronJobEvent => ({ type: 'Warning', reason, message });

export const CronJobEvents = {
  created: (jobName: string) => normal('SuccessfulCreate', `Created job ${jobName}`),
  createFailed: (error: string) => warning('FailedCreate', `Error creating job: ${error}`),
  deleted: (jobName: string) => normal('SuccessfulDelete', `Deleted job ${jobName}`),
  deleteFailed: (error: string) => warning('FailedDelete', `Deleted job: ${error}`),
  getFailed: (error: string) => warning('FailedGet', `Get job: ${error}`),
  sawCompleted: (jobName: string, condition: string) => normal('SawCompletedJob', `Saw completed job: ${jobName}, condition: ${condition}`),
  unexpected: (jobName: string) => warning('UnexpectedJob', `Saw a job that the controller did not create or forgot: ${jobName}`),
  missing: (jobName: string) => normal('MissingJob', `Active job went missing: ${jobName}`),
  alreadyActive: () => normal('JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid'),
  missSchedule: (scheduledMs: number) => warning('MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123zUtc(EPOCH_MS + scheduledMs)}`),
  tooManyMissed: (message: string) => warning('TooManyMissedTimes', message),
  unknownTimeZone: (timeZone: string) => warning('UnknownTimeZone', `invalid timeZone: "${timeZone}": unknown time zone ${timeZone}`),
  unsupportedSchedule: (message: string) => warning('UnsupportedSchedule', message),
  unparseable: (schedule: string, error: string) => warning('UnparseableSchedule', `unparseable schedule: "${schedule}" : ${error}`),
  invalid: (schedule: string, error: string) => warning('InvalidSchedule', `invalid schedule: ${schedule} : ${error}`),
  /** From updateCronJob, when a changed schedule does not parse. */
  unparseableOnUpdate: (schedule: string) => warning('UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${schedule}`),
} as const;
