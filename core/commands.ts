// What someone asks the API server for. Admission turns a command into events, or into one
// `request/rejected` event that records who asked for what and why it was refused.

import type { LabelSelector } from './labels.ts';
import type { KubeObject, NodeStatus, OwnerReference, PodStatus } from './objects.ts';
import type { ObjectReference } from './workloads.ts';

/**
 * A core/v1 Event to record when the request is admitted, as a controller's event recorder does
 * after a call succeeds ("Created pod: web-x7k2p"). In the message, `{name}` stands for the name
 * the API server gives a created object, and `{error}` for the refusal's message.
 */
export interface EventRecord {
  readonly involvedObject: ObjectReference;
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
}

interface Request {
  /** Who asks: `user`, `scenario`, `kube-scheduler`, `kubelet/node-1`, `controller/replicaset`. */
  readonly actor: string;
  /** Recorded as an Event when the request is admitted. */
  readonly record?: EventRecord;
  /** Recorded as an Event when the request is refused (FailedCreate, say). */
  readonly recordOnRefusal?: EventRecord;
}

/** One object of any kind; cluster-scoped kinds have no namespace. */
interface KindTarget {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** Precondition: the request is refused with a Conflict when the object has moved on. */
  readonly resourceVersion?: string;
}

interface PodTarget {
  readonly namespace: string;
  readonly name: string;
  readonly resourceVersion?: string;
}

export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

/**
 * The request's fieldValidation: what the API server does with fields the kind does not have.
 * Warn (the API server's default) drops them with a warning, Strict refuses the request, Ignore
 * drops them silently.
 */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** Requests that carry an object (or a patch of one) the API server decodes. */
interface Body {
  readonly fieldValidation?: FieldValidation;
}

export type RolloutAction = 'undo' | 'pause' | 'resume' | 'restart';

export type Command =
  /** `source`: the item's place when the manifest is one of a List's items ("steps[3].apply.items[2]"). */
  | (Request & Body & { readonly type: 'apply'; readonly manifest: unknown; readonly source?: string })
  | (Request & Body & { readonly type: 'create'; readonly manifest: unknown })
  /** A whole object written back (client-go's Update); its resourceVersion is the precondition. */
  | (Request & Body & { readonly type: 'update'; readonly object: KubeObject })
  /** A JSON merge patch (RFC 7386) of the object's fields; status is the status subresource's. */
  | (Request & Body & { readonly type: 'patch'; readonly patch: unknown } & KindTarget)
  | (Request & { readonly type: 'updateStatus'; readonly status: unknown } & KindTarget)
  | (Request & { readonly type: 'scale'; readonly replicas: number } & KindTarget)
  | (Request & {
      readonly type: 'delete';
      readonly gracePeriodSeconds?: number;
      /** Precondition: delete only the object with this uid, as DeleteOptions.preconditions. */
      readonly uid?: string;
      /** Absent: the kind's default (Background for most, Orphan for Jobs and ReplicationControllers). */
      readonly propagationPolicy?: PropagationPolicy;
    } & KindTarget)
  | (Request & {
      readonly type: 'deleteCollection';
      readonly kind: string;
      readonly namespace?: string;
      readonly selector: LabelSelector;
      readonly propagationPolicy?: PropagationPolicy;
    })
  /** Sets a controller reference on an object that has none (PodControllerRefManager's adoption). */
  | (Request & { readonly type: 'adopt'; readonly owner: OwnerReference } & KindTarget)
  /** Drops the owner reference with this uid (release, or the garbage collector's dangling ref). */
  | (Request & { readonly type: 'release'; readonly ownerUid: string } & KindTarget)
  | (Request & { readonly type: 'removeFinalizer'; readonly finalizer: string } & KindTarget)
  /** kubectl's client-side helpers, worked out against the state when the request runs. */
  | (Request & { readonly type: 'rollout'; readonly action: RolloutAction; readonly toRevision?: number } & KindTarget)
  | (Request & { readonly type: 'setImage'; readonly container: string; readonly image: string } & KindTarget)
  /** An Event recorded on its own, with no other request to carry it (a Warning about a spec). */
  | (Request & { readonly type: 'recordEvent'; readonly event: EventRecord })
  | (Request & { readonly type: 'setUnschedulable'; readonly name: string; readonly unschedulable: boolean })
  /** A traffic step's measurement of one interval, recorded as it was made (no object changes). */
  | (Request & { readonly type: 'recordTraffic'; readonly traffic: TrafficRecord })
  | (Request & { readonly type: 'bindPod'; readonly nodeName: string } & PodTarget)
  | (Request & { readonly type: 'reportSchedulingFailure'; readonly reason: string; readonly message: string; readonly nominatedNodeName?: string } & PodTarget)
  | (Request & { readonly type: 'updatePodStatus'; readonly status: PodStatus } & PodTarget)
  | (Request & { readonly type: 'reportNodeStatus'; readonly name: string; readonly status: NodeStatus });

export type CommandType = Command['type'];

/** What a `traffic/served` event carries. */
export interface TrafficRecord {
  /** The traffic step's name. */
  readonly flow: string;
  readonly from: string;
  readonly to: string;
  readonly intervalMs: number;
  readonly requests: number;
  /** Requests each endpoint answered, by "namespace/pod" (or address:port), keys sorted. */
  readonly served: Readonly<Record<string, number>>;
  /** Requests that failed, by reason, keys sorted. */
  readonly failed: Readonly<Record<string, number>>;
}
