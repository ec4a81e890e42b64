// What the kubelets know that the API does not hold, as upstream's kubelet keeps it in memory:
// the images each node's runtime has and the node's one image puller (serializeImagePulls), the
// back-off entries of failed containers and failed pulls (flowcontrol.Backoff), a container start
// under way (pull, create, start), a kill under way, and which probe failures were already told.
//
// Controller memory is usually a hazard to determinism; here it is safe because a run has exactly
// one kubelet controller, built fresh for the run, and the engine hands it keys one at a time in a
// fixed order, so the same events always leave the same memory. Everything the pod status shows
// is still read from the status; memory only holds what happens between two status writes.

import type { ContainerState } from '../../core/objects.ts';

export interface BackoffEntry {
  readonly backoffMs: number;
  readonly lastUpdateMs: number;
}

/** A container start the kubelet has decided on: the image, then create, then start. */
export interface StartAttempt {
  /** When the kubelet decided to start it (EnsureImageExists was called). */
  readonly decidedMs: number;
  /** A restart counts up restartCount and keeps the exit as lastState. */
  readonly restart: boolean;
  readonly lastState?: ContainerState;
  readonly stage: 'pulling' | 'creating' | 'retrying';
  /** pulling: when the pull ends, its own duration, and whether the registry had the image. */
  readonly pullDoneMs?: number;
  readonly pullMs?: number;
  readonly pullFails?: boolean;
  /** creating: when the process runs. */
  readonly runMs?: number;
  /** retrying: when the kubelet's pod worker tries again after a failed start (backOffPeriod). */
  readonly retryAtMs?: number;
  /** retrying: how many times in a row the pod's volumes failed to mount (the volume manager's back-off). */
  readonly mountFailures?: number;
}

/** A running container being killed to be restarted (a failed probe, a changed definition). */
export interface RestartKill {
  readonly requestedMs: number;
  readonly graceMs: number;
  /** Restarted afterwards (restartPolicy is not Never). */
  readonly restart: boolean;
}

export interface ContainerMemory {
  attempt?: StartAttempt;
  kill?: RestartKill;
  /** The back-off entry; `backoffKnown` says memory decided a restart, so no entry means none. */
  crashBackoff?: BackoffEntry;
  backoffKnown?: boolean;
  /** A restart decided on: at once after an exit, or at the end of a CrashLoopBackOff. */
  restartAtMs?: number;
  /** A start the pod's stop overtook: the container will not be started again. */
  abandoned?: boolean;
  /** The last probe moment already told, by probe, for the instance that started at instanceMs. */
  probesTold?: { readonly instanceMs: number; readonly startup: number; readonly readiness: number; readonly liveness: number };
  /** The pod stop was told for this container (Killing "Stopping container"). */
  stopTold?: boolean;
  /** The last "Back-off restarting failed container" event, while waiting in CrashLoopBackOff. */
  backoffToldMs?: number;
  /** When this container first let the next one start (an init container done, a start tried). */
  unlockedMs?: number;
}

export class PodMemory {
  readonly containers = new Map<string, ContainerMemory>();
  /** Image pull back-off by image (imageManager's backOff, keyed by pod uid and image). */
  readonly pullBackoff = new Map<string, BackoffEntry>();
  /** The last pull error by image, quoted while backing off (prevPullErrMsg). */
  readonly pullErrors = new Map<string, string>();
  /** The pod stop was told (DeadlineExceeded, say). */
  deadlineTold = false;

  constructor(readonly uid: string) {}

  container(name: string): ContainerMemory {
    let memory = this.containers.get(name);
    if (memory === undefined) {
      memory = {};
      this.containers.set(name, memory);
    }
    return memory;
  }
}

export interface PresentImage {
  /** The names the node reports for it, the fully qualified one first. */
  readonly names: string[];
  readonly sizeBytes: number;
}

export class NodeRuntime {
  /** Images on the node, by fully qualified reference, in the order they arrived. */
  readonly images = new Map<string, PresentImage>();
  /** When the node's serial image puller is free again. */
  pullerFreeAtMs = 0;
  /** Images a pull handed to the puller will bring, by fully qualified reference: when it ends. */
  readonly arriving = new Map<string, number>();
  /** The image list the node last reported, to report again only when it changed. */
  reportedImages = '';
}

export class KubeletMemory {
  private readonly nodes = new Map<string, NodeRuntime>();
  private readonly pods = new Map<string, PodMemory>();

  node(name: string): NodeRuntime {
    let runtime = this.nodes.get(name);
    if (runtime === undefined) {
      runtime = new NodeRuntime();
      this.nodes.set(name, runtime);
    }
    return runtime;
  }

  /** The memory of the pod at `key`; a pod of the same name but another uid starts afresh. */
  pod(key: string, uid: string): PodMemory {
    let memory = this.pods.get(key);
    if (memory === undefined || memory.uid !== uid) {
      memory = new PodMemory(uid);
      this.pods.set(key, memory);
    }
    return memory;
  }

  forgetPod(key: string): void {
    this.pods.delete(key);
  }

  forgetNode(name: string): void {
    this.nodes.delete(name);
  }
}
