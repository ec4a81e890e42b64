// The pods a Job asks for, and the labels and selector that tie them to it.
//
// Unless spec.manualSelector is true, the API server adds to the pod template the labels
// job-name and batch.kubernetes.io/job-name (the Job's name), controller-uid and
// batch.kubernetes.io/controller-uid (its UID), keeping any the user set, and selects on
// batch.kubernetes.io/controller-uid (generateSelector, pkg/registry/batch/job/strategy.go).
//
// manageJob (pkg/controller/job/job_controller.go) then builds each pod from the template with the
// job-tracking finalizer and, for an Indexed Job (addCompletionIndex*, podGenerateNameWithIndex):
// the JOB_COMPLETION_INDEX env var read from the index label in every container, the index
// annotation and label, hostname "<job>-<index>" and generateName "<job>-<index>-".

import type { LabelSelector } from '../../core/labels.ts';
import type { Container, PodTemplateSpec } from '../../core/objects.ts';
import type { Job } from '../../core/workloads.ts';
import { podManifestFromTemplate } from '../common/pod-template.ts';
import type { IndexFailureCounts } from './index-failures.ts';
import {
  JOB_COMPLETION_INDEX_ANNOTATION,
  JOB_COMPLETION_INDEX_LABEL,
  JOB_INDEX_FAILURE_COUNT_ANNOTATION,
  JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION,
} from './indexes.ts';
import { JOB_TRACKING_FINALIZER } from './job-pods.ts';
import { withFields } from '../../core/with-fields.ts';

export { JOB_TRACKING_FINALIZER };

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

export const COMPLETION_INDEX_ENV_NAME = 'JOB_COMPLETION_INDEX';

/** names.MaxGeneratedNameLength: 63 less the 5 random characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

export interface GeneratedSelector {
  readonly templateLabels: Readonly<Record<string, string>>;
  readonly selector: LabelSelector;
}

/** generateSelector: labels already present are kept (validation rejects a conflict). */
export function generateSelector(
  name: string,
  uid: string,
  templateLabels: Readonly<Record<string, string>> | undefined,
  selector: LabelSelector | undefined,
): GeneratedSelector {
  const labels: Record<string, string> = { ...templateLabels };
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!Object.hasOwn(labels, key)) labels[key] = name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!Object.hasOwn(labels, key)) labels[key] = uid;
  const matchLabels: Record<string, string> = { ...selector?.matchLabels };
  if (!Object.hasOwn(matchLabels, CONTROLLER_UID_LABEL)) matchLabels[CONTROLLER_UID_LABEL] = uid;
  return { templateLabels: labels, selector: withFields(selector, { matchLabels }) };
}

/** podGenerateNameWithIndex: the Job name is cut so "<name>-<index>-" fits 58 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  if (prefix.length <= MAX_GENERATED_NAME_LENGTH) return prefix;
  return jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix;
}

/** addCompletionIndexEnvVariable: unless the container already sets it. */
function withCompletionIndexEnv(container: Container): Container {
  const env = Array.isArray(container['env']) ? (container['env'] as readonly { readonly name?: unknown }[]) : [];
  if (env.some((variable) => variable.name === COMPLETION_INDEX_ENV_NAME)) return container;
  const variable = {
    name: COMPLETION_INDEX_ENV_NAME,
    valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX_LABEL}']` } },
  };
  return withFields(container, { env: [...env, variable] });
}

export interface JobPodOptions {
  /** The completion index of an Indexed Job's pod. */
  readonly index?: number;
  /** With backoffLimitPerIndex: the counts from newIndexFailureCounts. */
  readonly failureCounts?: IndexFailureCounts;
}

function indexedTemplate(job: Job, template: PodTemplateSpec, options: JobPodOptions & { readonly index: number }): PodTemplateSpec {
  const { index, failureCounts } = options;
  const annotations: Record<string, string> = withFields(template.metadata?.annotations, { [JOB_COMPLETION_INDEX_ANNOTATION]: `${index}` });
  if (failureCounts !== undefined) {
    annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION] = `${failureCounts.failureCount}`;
    if (failureCounts.ignoredFailureCount > 0) {
      annotations[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION] = `${failureCounts.ignoredFailureCount}`;
    }
  }
  return {
    metadata: withFields(template.metadata, {
      labels: withFields(template.metadata?.labels, { [JOB_COMPLETION_INDEX_LABEL]: `${index}` }),
      annotations,
    }),
    spec: withFields(template.spec, { hostname: `${job.metadata.name}-${index}` }),
  };
}

/** The template with the tracking finalizer (appendJobCompletionFinalizerIfNotFound) and, for an Indexed Job, the env var. */
function baseTemplate(job: Job): PodTemplateSpec {
  const template = job.spec.template;
  const existing = template.metadata?.['finalizers'];
  const finalizers = Array.isArray(existing) ? (existing as readonly string[]) : [];
  const withFinalizer = finalizers.includes(JOB_TRACKING_FINALIZER) ? finalizers : [...finalizers, JOB_TRACKING_FINALIZER];
  const spec =
    job.spec.completionMode === 'Indexed'
      ? withFields(template.spec, template.spec.initContainers === undefined ? {} : { initContainers: template.spec.initContainers.map(withCompletionIndexEnv) }, {
        containers: template.spec.containers.map(withCompletionIndexEnv),
      })
      : template.spec;
  return { metadata: withFields(template.metadata, { finalizers: withFinalizer }), spec };
}

/**
 * The manifest of one pod of the Job (controller reference included), as CreatePodsWithGenerateName
 * would send it: generateName "<job>-" or, with an index, "<job>-<index>-".
 */
export function jobPodManifest(job: Job, options: JobPodOptions = {}): Record<string, unknown> {
  const base = baseTemplate(job);
  if (options.index === undefined) return podManifestFromTemplate(base, job);
  const template = indexedTemplate(job, base, withFields(options, { index: options.index }));
  return podManifestFromTemplate(template, job, { generateName: podGenerateNameWithIndex(job.metadata.name, options.index) });
}
