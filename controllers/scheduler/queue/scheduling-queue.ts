// kube-scheduler's scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go, v1.34):
//
// - activeQ: pods to try, highest priority first, then the earliest queued (PrioritySort);
// - backoffQ: pods an event moved back while still backing off; with SchedulerPopFromBackoffQ
//   (beta, on by default) a pop takes from it when activeQ is empty, so an idle scheduler tries
//   them at once, and the whole-second flush only orders them behind activeQ's pods;
// - the error back-off queue: pods that failed with no plugin to blame (a binding the API server
//   refused); only the flush on whole seconds moves them, when their back-off has passed;
// - unschedulablePods: pods the filters turned away, indexed by the plugins that rejected them. A
//   cluster event looks only at the pods whose rejectors registered for it, and moves those a
//   rejector's queueing hint says it may help: to backoffQ while the pod backs off, else activeQ;
// - flushUnschedulablePodsLeftover, every 30 s from the start, moves pods that have waited there for
//   longer than podMaxInUnschedulablePodsDuration (5 min).
//
// There are no in-flight events: a ksim cycle runs in one reconcile, so nothing happens while a pod
// is being scheduled. A sequence number taken with each timestamp makes every ordering total.

import type { Pod } from '../../../core/objects.ts';
import { backoffCompletesAtMs, isBackingOff, backoffOrderLess, backoffExpirationMs } from './backoff.ts';
import { type ClusterEvent, isWildCard, UNSCHEDULABLE_TIMEOUT } from './cluster-events.ts';
import { KeyedHeap } from './keyed-heap.ts';
import { Nominator } from './nominator.ts';
import { pluginsInterestedIn, worthRequeuing } from './queueing-hints.ts';
import { podPriority, type QueuedPod, queueOrderLess } from './queued-pod.ts';

export const POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS = 5 * 60_000;
export const UNSCHEDULABLE_FLUSH_INTERVAL_MS = 30_000;

const NO_REJECTORS: ReadonlySet<string> = new Set();
const keyOf = (pod: QueuedPod) => pod.key;

function errorBackoffLess(a: QueuedPod, b: QueuedPod): boolean {
  const expiryA = backoffExpirationMs(a);
  const expiryB = backoffExpirationMs(b);
  return expiryA !== expiryB ? expiryA < expiryB : a.seq < b.seq;
}

export type QueueName = 'active' | 'backoff' | 'errorBackoff' | 'unschedulable';

export class SchedulingQueue {
  private readonly active = new KeyedHeap<QueuedPod>(keyOf, queueOrderLess);
  private readonly backoff = new KeyedHeap<QueuedPod>(keyOf, backoffOrderLess);
  private readonly errorBackoff = new KeyedHeap<QueuedPod>(keyOf, errorBackoffLess);
  private readonly unschedulable = new Map<string, QueuedPod>();
  private readonly byRejector = new Map<string, Set<string>>();
  /** Popped and not yet placed or back: what a refused binding needs to count its attempts. */
  private readonly inFlight = new Map<string, QueuedPod>();
  readonly nominator = new Nominator();
  private seq = 0;

  /** Pods a pop can take now: activeQ, then backoffQ. */
  get hasWork(): boolean {
    return this.active.size > 0 || this.backoff.size > 0;
  }

  /** Which sub-queue holds the pod, if any. */
  whereIs(key: string): QueueName | undefined {
    if (this.active.has(key)) return 'active';
    if (this.backoff.has(key)) return 'backoff';
    if (this.errorBackoff.has(key)) return 'errorBackoff';
    return this.unschedulable.has(key) ? 'unschedulable' : undefined;
  }

  get(key: string): QueuedPod | undefined {
    return this.active.get(key) ?? this.backoff.get(key) ?? this.errorBackoff.get(key) ?? this.unschedulable.get(key) ?? this.inFlight.get(key);
  }

  /** Add: a new pod that waits for a node goes to activeQ. */
  add(key: string, pod: Pod, nowMs: number): void {
    this.nominator.set(key, pod.status.nominatedNodeName);
    this.active.addOrUpdate(this.fresh(key, pod, nowMs));
  }

  private fresh(key: string, pod: Pod, nowMs: number): QueuedPod {
    return { key, pod, priority: podPriority(pod), timestampMs: nowMs, seq: this.seq++, attempts: 0, rejectors: NO_REJECTORS };
  }

  /** Update of a pod that still waits: refreshed where it is; in unschedulablePods its own hints decide. */
  update(key: string, pod: Pod, event: ClusterEvent, nowMs: number): void {
    this.nominator.set(key, pod.status.nominatedNodeName);
    for (const heap of [this.active, this.backoff, this.errorBackoff]) {
      const queued = heap.get(key);
      if (queued !== undefined) {
        heap.addOrUpdate({ ...queued, pod });
        return;
      }
    }
    const parked = this.unschedulable.get(key);
    if (parked === undefined) {
      if (!this.inFlight.has(key)) this.add(key, pod, nowMs);
      return;
    }
    const updated = { ...parked, pod };
    this.unschedulable.set(key, updated);
    if (worthRequeuing(pod, updated.rejectors, event)) this.requeue(updated, nowMs);
  }

  /** Delete: the pod is gone, bound or no longer ours. */
  delete(key: string): void {
    this.nominator.set(key, undefined);
    this.active.delete(key);
    this.backoff.delete(key);
    this.errorBackoff.delete(key);
    this.inFlight.delete(key);
    this.removeParked(key);
  }

  /**
   * Pop: flushes the back-off completed by now (the whole-second flush would have), then takes the
   * head of activeQ, or of backoffQ when activeQ is empty. Counts the attempt.
   */
  pop(nowMs: number): QueuedPod | undefined {
    this.flushBackoffCompleted(nowMs);
    const head = this.active.pop() ?? this.backoff.pop();
    if (head === undefined) return undefined;
    const popped = { ...head, attempts: head.attempts + 1, rejectors: NO_REJECTORS };
    this.inFlight.set(popped.key, popped);
    return popped;
  }

  /**
   * AddUnschedulableIfNotPresent: the pod failed its attempt. Rejected by plugins, it waits in
   * unschedulablePods for an event they care about; with none to blame, in the error back-off.
   */
  addUnschedulable(popped: QueuedPod, pod: Pod, rejectors: ReadonlySet<string>, nowMs: number): QueueName {
    this.inFlight.delete(popped.key);
    const queued: QueuedPod = { ...popped, pod, rejectors, timestampMs: nowMs, seq: this.seq++ };
    if (rejectors.size === 0) {
      this.errorBackoff.addOrUpdate(queued);
      return 'errorBackoff';
    }
    this.park(queued);
    return 'unschedulable';
  }

  /** The pod was bound; it leaves the queue. */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /** A binding the API server refused: the pod goes back to the error back-off. */
  bindingRefused(key: string, pod: Pod, nowMs: number): void {
    const popped = this.inFlight.get(key);
    if (popped !== undefined) this.addUnschedulable(popped, pod, NO_REJECTORS, nowMs);
  }

  /**
   * MoveAllToActiveOrBackoffQueue over the pods whose rejectors registered for the event (every
   * parked pod for a wildcard), in the order they were parked; `also` narrows them further.
   */
  moveOnEvent(event: ClusterEvent, nowMs: number, also?: (queued: QueuedPod) => boolean): void {
    if (this.unschedulable.size === 0) return;
    for (const queued of this.candidatesFor(event)) {
      if (also !== undefined && !also(queued)) continue;
      if (worthRequeuing(queued.pod, queued.rejectors, event)) this.requeue(queued, nowMs);
    }
  }

  private candidatesFor(event: ClusterEvent): QueuedPod[] {
    if (isWildCard(event)) return [...this.unschedulable.values()];
    const keys = new Set<string>();
    for (const plugin of pluginsInterestedIn(event)) {
      for (const key of this.byRejector.get(plugin) ?? []) keys.add(key);
    }
    const found: QueuedPod[] = [];
    for (const key of keys) {
      const queued = this.unschedulable.get(key);
      if (queued !== undefined) found.push(queued);
    }
    return found.sort((a, b) => a.seq - b.seq);
  }

  /** requeuePodWithQueueingStrategy for queueAfterBackoff: backoffQ while backing off, else activeQ. */
  private requeue(queued: QueuedPod, nowMs: number): void {
    this.removeParked(queued.key);
    if (isBackingOff(queued, nowMs)) this.backoff.addOrUpdate(queued);
    else this.active.addOrUpdate(queued);
  }

  /** flushBackoffQCompleted: the pods whose back-off has passed go to activeQ. */
  flushBackoffCompleted(nowMs: number): void {
    for (const heap of [this.backoff, this.errorBackoff]) {
      for (let head = heap.peek(); head !== undefined && !isBackingOff(head, nowMs); head = heap.peek()) {
        heap.pop();
        this.active.addOrUpdate(head);
      }
    }
  }

  /** flushUnschedulablePodsLeftover: pods parked longer than five minutes move as on a wildcard event. */
  flushUnschedulableLeftover(nowMs: number): void {
    const stale = [...this.unschedulable.values()].filter((queued) => nowMs - queued.timestampMs > POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS);
    for (const queued of stale.sort((a, b) => a.seq - b.seq)) {
      if (worthRequeuing(queued.pod, queued.rejectors, UNSCHEDULABLE_TIMEOUT)) this.requeue(queued, nowMs);
    }
  }

  /** When the error back-off's head completes: the whole-second flush after its expiry. */
  nextErrorFlushAtMs(): number | undefined {
    const head = this.errorBackoff.peek();
    return head === undefined ? undefined : backoffCompletesAtMs(head);
  }

  private park(queued: QueuedPod): void {
    this.unschedulable.set(queued.key, queued);
    for (const plugin of queued.rejectors) {
      let keys = this.byRejector.get(plugin);
      if (keys === undefined) {
        keys = new Set();
        this.byRejector.set(plugin, keys);
      }
      keys.add(queued.key);
    }
  }

  private removeParked(key: string): void {
    const queued = this.unschedulable.get(key);
    if (queued === undefined) return;
    this.unschedulable.delete(key);
    for (const plugin of queued.rejectors) this.byRejector.get(plugin)?.delete(key);
  }
}

/**
 * The first tick of the 30-second leftover flush (ticking from the run's start) at which a pod
 * parked at `parkedAtMs` has waited for longer than five minutes.
 */
export function leftoverFlushAtMs(parkedAtMs: number): number {
  const due = parkedAtMs + POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS;
  return (Math.floor(due / UNSCHEDULABLE_FLUSH_INTERVAL_MS) + 1) * UNSCHEDULABLE_FLUSH_INTERVAL_MS;
}
