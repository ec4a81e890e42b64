// What one StatefulSet sync carries while it decides: the set at its current and update
// revisions, the time, the claims as the sync sees them, and the actions decided so far in the
// order upstream would make the API calls. Claims updated earlier in the sync are seen updated;
// claims created in the sync are not seen at all, as upstream's lister would not have them yet.

import type { EventRecord } from '../../core/commands.ts';
import type { Pod } from '../../core/objects.ts';
import type { PersistentVolumeClaim, StatefulSet } from '../../core/workloads.ts';
import type { PodManifest } from './pod-template.ts';
import type { ClaimManifest } from './storage.ts';

export type StatefulSetAction =
  /** Create a missing claim before its pod; record the event once the API server admits it. */
  | { readonly type: 'createClaim'; readonly claim: ClaimManifest; readonly podName: string; readonly record: EventRecord }
  /** Write back a claim whose owner references the retention policy changed. */
  | { readonly type: 'updateClaim'; readonly claim: PersistentVolumeClaim }
  | { readonly type: 'createPod'; readonly pod: PodManifest; readonly record: EventRecord }
  | { readonly type: 'updatePod'; readonly pod: Pod; readonly record: EventRecord }
  | { readonly type: 'deletePod'; readonly pod: Pod; readonly record: EventRecord }
  /** An event with no API call of its own (ConflictingController, a FailedCreate for a blocked pod). */
  | { readonly type: 'recordEvent'; readonly record: EventRecord };

export type ClaimLookup = (name: string) => PersistentVolumeClaim | undefined;

export interface SyncContext {
  readonly set: StatefulSet;
  readonly updateSet: StatefulSet;
  readonly monotonic: boolean;
  readonly minReadySeconds: number;
  readonly nowMs: number;
  readonly claims: ClaimLookup;
  readonly updatedClaims: Map<string, PersistentVolumeClaim>;
  readonly actions: StatefulSetAction[];
}

/** What a step tells the loop: stop here (monotonic mode), and whether it failed. */
export interface StepResult {
  readonly exit: boolean;
  readonly error?: string;
}

export const CONTINUE: StepResult = { exit: false };
export const EXIT: StepResult = { exit: true };

export function claimNamed(context: SyncContext, name: string): PersistentVolumeClaim | undefined {
  return context.updatedClaims.get(name) ?? context.claims(name);
}
