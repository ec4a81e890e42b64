// The Job controller's work-queue keys. Upstream has two queues: Jobs ("namespace/name"), added to
// at once or after a delay, and orphan pods whose tracking finalizer must go. Here one queue holds
// three kinds of key:
//   - "namespace/name": sync the Job now (syncJob);
//   - "batch:namespace/name": sync the Job one batch period from now (enqueueSyncJobBatched), which
//     a reconcile turns into a wake, since a watch can only name keys, not times;
//   - "orphan-pod:namespace/name": remove the finalizer from a pod no running Job tracks
//     (syncOrphanPod).
// Namespaces and names never hold a colon, so the prefixes cannot be mistaken.

const BATCH_PREFIX = 'batch:';
const ORPHAN_POD_PREFIX = 'orphan-pod:';

export function batchKey(jobKey: string): string {
  return `${BATCH_PREFIX}${jobKey}`;
}

export function orphanPodKey(podKey: string): string {
  return `${ORPHAN_POD_PREFIX}${podKey}`;
}

export type JobControllerKey =
  | { readonly kind: 'job'; readonly key: string }
  | { readonly kind: 'batch'; readonly key: string }
  | { readonly kind: 'orphan-pod'; readonly key: string };

export function parseJobControllerKey(key: string): JobControllerKey {
  if (key.startsWith(BATCH_PREFIX)) return { kind: 'batch', key: key.slice(BATCH_PREFIX.length) };
  if (key.startsWith(ORPHAN_POD_PREFIX)) return { kind: 'orphan-pod', key: key.slice(ORPHAN_POD_PREFIX.length) };
  return { kind: 'job', key };
}
