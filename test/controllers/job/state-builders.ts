// States for the Job controller's watch and reconcile tests, folded through the real reducers so
// the indexes (controllees, namespaces) are filled: Jobs from builders.ts, and their pods with a
// controller reference to them.

import type { Pod } from '../../../core/objects.ts';
import type { Job } from '../../../core/workloads.ts';
import { controllerRef } from '../../../controllers/common/controller-ref.ts';
import { pod, type PodOptions } from './builders.ts';

/** A pod the Job controls, labelled so its selector matches. */
export function podOf(job: Job, options: PodOptions = {}): Pod {
  const built = pod(options);
  const labels = { ...job.spec.template.metadata?.labels };
  return { ...built, metadata: { ...built.metadata, labels, ownerReferences: [controllerRef(job)] } };
}

/** The same pod with no owner. */
export function orphaned(built: Pod): Pod {
  const { ownerReferences: _owners, ...metadata } = built.metadata;
  return { ...built, metadata };
}

export const COMPLETE = { type: 'Complete', status: 'True' as const };

export { stateWith } from '../../support/reduce-events.ts';
