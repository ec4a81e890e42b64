// What the Job controller remembers between syncs, as upstream keeps it in the controller's memory:
// the pod failure back-off record of each Job (podBackoffStore) and the time each Job's batched
// sync is due (the delaying queue's entry for the key). Controller memory is usually a hazard to
// determinism; here it is safe because a run has exactly one instance of the controller, built
// fresh for the run, and the engine hands it keys one at a time in a fixed order, so the same
// events always leave the same memory. Expectations are not kept: the engine runs a sync's requests
// to completion before the next sync, so every create, delete and finalizer removal sent has been
// seen by then.

import type { BackoffRecord } from './backoff.ts';
import { SYNC_JOB_BATCH_PERIOD_MS } from './manage.ts';

export class JobControllerMemory {
  private readonly backoffs = new Map<string, BackoffRecord>();
  private readonly batchedAtMs = new Map<string, number>();

  backoffOf(jobKey: string): BackoffRecord | undefined {
    return this.backoffs.get(jobKey);
  }

  keepBackoff(jobKey: string, record: BackoffRecord): void {
    this.backoffs.set(jobKey, record);
  }

  /** removeBackoffRecord: the Job finished or is gone. */
  forgetBackoff(jobKey: string): void {
    this.backoffs.delete(jobKey);
  }

  /**
   * enqueueSyncJobBatched: the time of a new batched sync, or undefined when one is already due at
   * or after now (the delaying queue keeps one entry per key).
   */
  requestBatch(jobKey: string, nowMs: number): number | undefined {
    const due = this.batchedAtMs.get(jobKey);
    if (due !== undefined && due >= nowMs) return undefined;
    const atMs = nowMs + SYNC_JOB_BATCH_PERIOD_MS;
    this.batchedAtMs.set(jobKey, atMs);
    return atMs;
  }

  /** A sync ran: a batched sync due by now is the one that ran. */
  synced(jobKey: string, nowMs: number): void {
    const due = this.batchedAtMs.get(jobKey);
    if (due !== undefined && due <= nowMs) this.batchedAtMs.delete(jobKey);
  }
}
