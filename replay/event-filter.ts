// Which events of a log to show: by the object an event is about (kind, namespace, name), by its
// type and actor, by virtual time and by revision. Every criterion given must hold; one left out
// lets every event through.

import type { KsimEvent } from '../core/events.ts';
import { eventSubject } from '../core/event-subject.ts';
import { globMatcher } from './glob.ts';

export interface EventFilter {
  /** Kinds as the registry names them ("Pod", "Deployment"); a subresource request counts as its kind. */
  readonly kinds?: readonly string[];
  /** Glob patterns (see glob.ts) over the object's name, namespace, the event type and the actor. */
  readonly name?: string;
  readonly namespace?: string;
  readonly type?: string;
  readonly actor?: string;
  /** Virtual time, both ends included. */
  readonly sinceMs?: number;
  readonly untilMs?: number;
  /** Revisions, both ends included. */
  readonly fromRev?: number;
  readonly toRev?: number;
}

export type EventTest = (event: KsimEvent) => boolean;

/** "Pod/binding" (a refused binding) is about a Pod. */
function baseKind(kind: string): string {
  const slash = kind.indexOf('/');
  return slash === -1 ? kind : kind.slice(0, slash);
}

function subjectTest(filter: EventFilter): EventTest | undefined {
  const { kinds, name, namespace } = filter;
  if (kinds === undefined && name === undefined && namespace === undefined) return undefined;
  const kindSet = kinds === undefined ? undefined : new Set(kinds);
  const nameMatches = name === undefined ? undefined : globMatcher(name);
  const namespaceMatches = namespace === undefined ? undefined : globMatcher(namespace);
  return (event) => {
    const subject = eventSubject(event);
    if (kindSet !== undefined && !kindSet.has(baseKind(subject.kind))) return false;
    if (nameMatches !== undefined && (subject.name === undefined || !nameMatches(subject.name))) return false;
    // A cluster-scoped object has no namespace, so a namespace asked for leaves it out.
    return namespaceMatches === undefined || (subject.namespace !== undefined && namespaceMatches(subject.namespace));
  };
}

/** The test an event must pass; with no criteria, every event passes. */
export function eventFilterTest(filter: EventFilter): EventTest {
  const tests: EventTest[] = [];
  const { fromRev, toRev, sinceMs, untilMs } = filter;
  if (fromRev !== undefined) tests.push((event) => event.rev >= fromRev);
  if (toRev !== undefined) tests.push((event) => event.rev <= toRev);
  if (sinceMs !== undefined) tests.push((event) => event.time >= sinceMs);
  if (untilMs !== undefined) tests.push((event) => event.time <= untilMs);
  if (filter.type !== undefined) {
    const typeMatches = globMatcher(filter.type);
    tests.push((event) => typeMatches(event.type));
  }
  if (filter.actor !== undefined) {
    const actorMatches = globMatcher(filter.actor);
    tests.push((event) => actorMatches(event.actor));
  }
  const subject = subjectTest(filter);
  if (subject !== undefined) tests.push(subject);
  return (event) => tests.every((test) => test(event));
}

/** True once no later event can pass: past --to or --until (revisions and times only grow). */
export function pastFilterEnd(event: KsimEvent, filter: EventFilter): boolean {
  return (filter.toRev !== undefined && event.rev >= filter.toRev) || (filter.untilMs !== undefined && event.time > filter.untilMs);
}
