// How many placed pods hold each priority, kept from the change feed. Preemption asks whether any
// placed pod has a priority below the preemptor's: when none has (every pod at the default 0, as
// in most clusters), no node can offer a victim, and the dry run can say so for every node without
// reading the pods of each. Without this, every failed cycle would read every placed pod. A pod's
// priority never changes once it exists, so only placements and departures move the counts.

import type { Change } from '../../core/controller.ts';
import { eventSubject } from '../../core/event-subject.ts';
import { objectKey, type Pod } from '../../core/objects.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { holdsNode } from './queue/observe-change.ts';
import { podPriority } from './queue/queued-pod.ts';

export class PlacedPriorities {
  private readonly counts = new Map<number, number>();

  /** Counts every placed pod of the state; for the start of a run. */
  static of(state: ClusterState): PlacedPriorities {
    const placed = new PlacedPriorities();
    for (const pod of state.pods.values()) if (holdsNode(pod)) placed.add(pod, 1);
    return placed;
  }

  noteChange({ event, before, after }: Change<ClusterState>): void {
    const subject = eventSubject(event);
    if (subject.kind !== 'Pod' || subject.name === undefined) return;
    const key = objectKey(subject.namespace, subject.name);
    const was = before.pods.get(key);
    const is = after.pods.get(key);
    const held = holdsNode(was);
    const holds = holdsNode(is);
    if (held && !holds) this.add(was as Pod, -1);
    if (!held && holds) this.add(is as Pod, 1);
  }

  /** True when some placed pod has a priority below the given one. */
  hasBelow(priority: number): boolean {
    for (const [value, count] of this.counts) if (value < priority && count > 0) return true;
    return false;
  }

  private add(pod: Pod, delta: number): void {
    const priority = podPriority(pod);
    const count = (this.counts.get(priority) ?? 0) + delta;
    if (count === 0) this.counts.delete(priority);
    else this.counts.set(priority, count);
  }
}
