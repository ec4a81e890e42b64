// The workload kinds of kube-controller-manager beyond ReplicaSets, and the objects their
// controllers make.

import type { KindDefinition } from '../definition.ts';
import { CRON_JOB } from './cronjob.ts';
import { DAEMON_SET } from './daemonset.ts';
import { DEPLOYMENT } from './deployment.ts';
import { JOB } from './job.ts';
import { REPLICATION_CONTROLLER } from './replicationcontroller.ts';
import { STATEFUL_SET } from './statefulset.ts';
import { CONTROLLER_REVISION, PERSISTENT_VOLUME_CLAIM } from './storage.ts';

export const WORKLOAD_KINDS: readonly KindDefinition[] = [
  DEPLOYMENT,
  STATEFUL_SET,
  DAEMON_SET,
  JOB,
  CRON_JOB,
  REPLICATION_CONTROLLER,
  PERSISTENT_VOLUME_CLAIM,
  CONTROLLER_REVISION,
] as unknown as readonly KindDefinition[];
