// `kubectl describe controllerrevision`: kubectl has no describer for ControllerRevisions, so it
// prints them with its generic describer, every field of the object including the revision's data.

import type { ControllerRevision } from '../../core/workloads.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { describeUnstructured } from './unstructured.ts';

export function describeControllerRevision(
  w: DescribeWriter,
  revision: ControllerRevision,
  _context: { readonly state: ClusterState; readonly nowMs: number },
): void {
  describeUnstructured(w, revision);
}
