// The Events table at the end of every `kubectl describe` page (describe.go DescribeEvents): the
// Events recorded about the object, oldest last-seen first, with kubectl's "10s (x3 over 2m)"
// when one was seen several times.

import type { KubeObject } from '../../core/objects.ts';
import type { KubeEvent } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import { EVENT_KIND } from '../../reducers/recorded-events.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { ageSince } from '../printers/time.ts';
import type { DescribeWriter } from './describe-writer.ts';

export function eventsAbout(state: ClusterState, object: KubeObject): KubeEvent[] {
  const table = kindTable<KubeEvent>(state, EVENT_KIND);
  const events: KubeEvent[] = [];
  for (const key of state.indexes.eventsByObject.members(object.metadata.uid)) {
    const event = table.get(key);
    if (event !== undefined) events.push(event);
  }
  // SortableEvents orders by lastTimestamp; the revision of the last change breaks ties the way the events happened.
  return events.sort(
    (a, b) => a.lastTimestamp.localeCompare(b.lastTimestamp) || Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0),
  );
}

function ageColumn(event: KubeEvent, nowMs: number): string {
  const first = ageSince(event.firstTimestamp, nowMs);
  return event.count > 1 ? `${ageSince(event.lastTimestamp, nowMs)} (x${event.count} over ${first})` : first;
}

export function describeEvents(w: DescribeWriter, events: readonly KubeEvent[], nowMs: number): void {
  if (events.length === 0) {
    w.line(0, 'Events:\t<none>');
    return;
  }
  w.line(0, 'Events:');
  w.line(1, 'Type\tReason\tAge\tFrom\tMessage');
  w.line(1, '----\t------\t----\t----\t-------');
  for (const event of events) {
    w.line(1, `${event.type}\t${event.reason}\t${ageColumn(event, nowMs)}\t${event.source.component || event.reportingComponent}\t${event.message.trim()}`);
  }
}
