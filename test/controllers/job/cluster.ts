// A small cluster for the batch controllers' end-to-end tests: one roomy node, the scheduler, the
// kubelet, the Job, CronJob and TTL-after-finished controllers and the garbage collector, with
// images that finish on their own (`batch:1` succeeds after 30 s, `fail:1` fails after 30 s,
// `sleep:1` runs until stopped), and readers for what the tests look at.

import { cronJobController } from '../../../controllers/cronjob/index.ts';
import { garbageCollector } from '../../../controllers/garbage-collector/index.ts';
import { jobController } from '../../../controllers/job/index.ts';
import { kubelet } from '../../../controllers/kubelet/index.ts';
import { scheduler } from '../../../controllers/scheduler/index.ts';
import { ttlAfterFinishedController } from '../../../controllers/ttl-after-finished/index.ts';
import { controllerOf, type Pod } from '../../../core/objects.ts';
import type { Job } from '../../../core/workloads.ts';
import { listObjects, lookupObject } from '../../../reducers/lookup.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { imageCatalog } from '../../../scenarios/images.ts';
import type { ImageBehaviourInput } from '../../../scenarios/codecs.ts';
import { nodeManifest } from '../../support/api-harness.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;

export const IMAGES: Readonly<Record<string, ImageBehaviourInput>> = {
  'batch:1': { runFor: 30 * SECOND_MS, exitCode: 0 },
  'fail:1': { runFor: 30 * SECOND_MS, exitCode: 1 },
  'sleep:1': {},
};

export function batchCluster(images: Readonly<Record<string, ImageBehaviourInput>> = IMAGES): ClusterHarness {
  const cluster = new ClusterHarness([
    scheduler(),
    kubelet(imageCatalog(images)),
    jobController(),
    cronJobController(),
    ttlAfterFinishedController(),
    garbageCollector(),
  ]);
  cluster.apply(nodeManifest('node-1', '64', '256Gi', '500'));
  return cluster;
}

export interface JobOptions {
  readonly image?: string;
  readonly restartPolicy?: 'Never' | 'OnFailure';
  readonly [field: string]: unknown;
}

/** A Job as a user would apply it; spec fields other than the image go in as given. */
export function jobManifest(name: string, options: JobOptions = {}): Record<string, unknown> {
  const { image = 'batch:1', restartPolicy = 'Never', ...spec } = options;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { ...spec, template: { spec: { restartPolicy, containers: [{ name: 'main', image }] } } },
  };
}

export function jobNamed(state: ClusterState, name: string): Job {
  const job = lookupObject<Job>(state, 'Job', 'default', name);
  if (job === undefined) throw new Error(`no Job ${name}`);
  return job;
}

/** The pods whose controller is the Job of that name (whatever its phase), sorted by name. */
export function podsOf(state: ClusterState, jobName: string): Pod[] {
  return listObjects<Pod>(state, 'Pod', 'default').filter((pod) => controllerOf(pod)?.kind === 'Job' && controllerOf(pod)?.name === jobName);
}

export function conditionOf(job: Job, type: string) {
  return job.status.conditions?.find((condition) => condition.type === type);
}

/** "reason: message" of every Event recorded about the object of that kind and name, in log order (repeats too). */
export function eventsAbout(cluster: ClusterHarness, kind: string, name: string): string[] {
  const lines: string[] = [];
  for (const event of cluster.events) {
    if (event.type === 'event/recorded' && event.involvedObject.kind === kind && event.involvedObject.name === name) lines.push(`${event.reason}: ${event.message}`);
  }
  return lines;
}
