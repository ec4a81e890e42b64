// The Events the StatefulSet controller records, with upstream's exact texts
// (recordPodEvent and recordClaimEvent in pkg/controller/statefulset/stateful_pod_control.go):
//   SuccessfulCreate "create Pod web-0 in StatefulSet web successful"
//   SuccessfulCreate "create Claim www-web-0 Pod web-0 in StatefulSet web success"
//   SuccessfulDelete "delete Pod web-2 in StatefulSet web successful"
//   SuccessfulUpdate "update Pod web-1 in StatefulSet web successful"
//   Failed<Verb> "... failed error: <error>" on a refusal.
// Failed and succeeded pods are simply deleted (SuccessfulDelete); the old RecreatingFailedPod
// event is gone from v1.34.

import type { EventRecord } from '../../core/commands.ts';
import type { ObjectReference, StatefulSet } from '../../core/workloads.ts';

export type PodVerb = 'create' | 'update' | 'delete';

/** ref.GetReference of the set: every event is recorded on the StatefulSet. */
export function setReference(set: StatefulSet): ObjectReference {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    ...(set.metadata.namespace === undefined ? {} : { namespace: set.metadata.namespace }),
    name: set.metadata.name,
    uid: set.metadata.uid,
    ...(set.metadata.resourceVersion === undefined ? {} : { resourceVersion: set.metadata.resourceVersion }),
  };
}

function title(verb: PodVerb): string {
  return verb.charAt(0).toUpperCase() + verb.slice(1);
}

export function podEvent(set: StatefulSet, verb: PodVerb, podName: string, error?: string): EventRecord {
  const subject = `${verb} Pod ${podName} in StatefulSet ${set.metadata.name}`;
  const involvedObject = setReference(set);
  return error === undefined
    ? { involvedObject, type: 'Normal', reason: `Successful${title(verb)}`, message: `${subject} successful` }
    : { involvedObject, type: 'Warning', reason: `Failed${title(verb)}`, message: `${subject} failed error: ${error}` };
}

export function claimEvent(set: StatefulSet, claimName: string, podName: string, error?: string): EventRecord {
  const setName = set.metadata.name;
  return error === undefined
    ? {
        involvedObject: setReference(set),
        type: 'Normal',
        reason: 'SuccessfulCreate',
        message: `create Claim ${claimName} Pod ${podName} in StatefulSet ${setName} success`,
      }
    : {
        involvedObject: setReference(set),
        type: 'Warning',
        reason: 'FailedCreate',
        message: `create Claim ${claimName} for Pod ${podName} in StatefulSet ${setName} failed error: ${error}`,
      };
}

/** UpdatePodClaimForRetentionPolicy's warning; "manging" is upstream's spelling. */
export function conflictingControllerEvent(set: StatefulSet, claimName: string): EventRecord {
  return {
    involvedObject: setReference(set),
    type: 'Warning',
    reason: 'ConflictingController',
    message:
      `PersistentVolumeClaim ${claimName} has a conflicting OwnerReference that acts as a manging controller, ` +
      'the retention policy is ignored for this claim',
  };
}

/** utilerrors.NewAggregate(...).Error(): one error as it is, several in brackets. */
export function aggregateError(messages: readonly string[]): string {
  return messages.length === 1 ? (messages[0] as string) : `[${messages.join(', ')}]`;
}
