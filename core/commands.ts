// What someone asks the API server for. Admission turns a command into events, or into one
// `request/rejected` event that records who asked for what and why it was refused.

import type { LabelSelector } from './labels.ts';
import type { NodeStatus, OwnerReference, PodStatus, ReplicaSetStatus } from './objects.ts';

interface Request {
  /** Who asks: `user`, `scenario`, `kube-scheduler`, `kubelet/node-1`, `controller/replicaset`. */
  readonly actor: string;
}

interface Target {
  readonly namespace: string;
  readonly name: string;
  /** Precondition: the request is refused with a Conflict when the object has moved on. */
  readonly resourceVersion?: string;
}

export type Command =
  | (Request & { readonly type: 'apply'; readonly manifest: unknown })
  | (Request & { readonly type: 'create'; readonly manifest: unknown })
  | (Request & { readonly type: 'scale'; readonly kind: string; readonly namespace: string; readonly name: string; readonly replicas: number })
  | (Request & {
      readonly type: 'delete';
      readonly kind: string;
      readonly namespace?: string;
      readonly name: string;
      readonly gracePeriodSeconds?: number;
      /** Precondition: delete only the object with this uid, as DeleteOptions.preconditions. */
      readonly uid?: string;
    })
  | (Request & { readonly type: 'deleteCollection'; readonly kind: string; readonly namespace?: string; readonly selector: LabelSelector })
  | (Request & { readonly type: 'setUnschedulable'; readonly name: string; readonly unschedulable: boolean })
  | (Request & { readonly type: 'bindPod'; readonly nodeName: string } & Target)
  | (Request & { readonly type: 'reportSchedulingFailure'; readonly reason: string; readonly message: string } & Target)
  | (Request & { readonly type: 'updatePodStatus'; readonly status: PodStatus } & Target)
  | (Request & { readonly type: 'adoptPod'; readonly owner: OwnerReference } & Target)
  | (Request & { readonly type: 'releasePod'; readonly ownerUid: string } & Target)
  | (Request & { readonly type: 'updateReplicaSetStatus'; readonly status: ReplicaSetStatus } & Target)
  | (Request & { readonly type: 'reportNodeStatus'; readonly name: string; readonly status: NodeStatus });
