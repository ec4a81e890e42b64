// One object's history: every revision at which it was created, changed or deleted, who did it,
// and the fields that changed (diffFields on the object before and after). The log is folded
// once (streamed: ObjectHistory takes one event at a time), and the object looked up after every event: an object a revision did not touch is the
// same reference as before, so only real changes cost a diff.

import type { KsimEvent } from '../core/events.ts';
import type { KubeObject } from '../core/objects.ts';
import { initialState, reduce } from '../reducers/index.ts';
import { lookupObject } from '../reducers/lookup.ts';
import type { DiffPath } from './diff-path.ts';
import { diffFields, type FieldChange } from './field-diff.ts';
import type { ObjectRef } from './state-diff.ts';

export interface HistoryEntry {
  readonly rev: number;
  readonly timeMs: number;
  readonly actor: string;
  /** The event type that made the change (pod/bound, object/scaled, ...). */
  readonly type: string;
  readonly change: 'created' | 'changed' | 'deleted';
  /** The field changes of a change; empty for a creation or a deletion. */
  readonly fields: readonly FieldChange[];
}

function isResourceVersion(path: DiffPath): boolean {
  return path.length === 2 && path[0] === 'metadata' && path[1] === 'resourceVersion';
}

function entryFor(event: KsimEvent, before: KubeObject | undefined, after: KubeObject | undefined): HistoryEntry | undefined {
  const base = { rev: event.rev, timeMs: event.time, actor: event.actor, type: event.type };
  if (before === undefined) return after === undefined ? undefined : { ...base, change: 'created', fields: [] };
  if (after === undefined) return { ...base, change: 'deleted', fields: [] };
  const fields = diffFields(before, after);
  if (fields.length === 0) return undefined;
  // Every write moves metadata.resourceVersion to the entry's own revision: saying so adds nothing.
  return { ...base, change: 'changed', fields: fields.filter((field) => !isResourceVersion(field.path)) };
}

/** The history of one object, taken one event at a time, so a log streamed from disk is never held whole. */
export class ObjectHistory {
  private readonly found: HistoryEntry[] = [];
  private state = initialState();
  private object: KubeObject | undefined;

  constructor(private readonly ref: ObjectRef) {}

  observe(event: KsimEvent): void {
    this.state = reduce(this.state, event);
    const next = lookupObject(this.state, this.ref.kind, this.ref.namespace, this.ref.name);
    if (next === this.object) return;
    const entry = entryFor(event, this.object, next);
    if (entry !== undefined) this.found.push(entry);
    this.object = next;
  }

  /** Every change so far, oldest first; empty when the object never appeared. */
  get entries(): readonly HistoryEntry[] {
    return this.found;
  }
}

/** Every change of the object in the events, oldest first; empty when the log never had it. */
export function objectHistory(events: Iterable<KsimEvent>, ref: ObjectRef): HistoryEntry[] {
  const history = new ObjectHistory(ref);
  for (const event of events) history.observe(event);
  return [...history.entries];
}
