// Where two runs part: the first revision at which their event streams differ. Compared by
// meaning (the default), run B's events are read in run A's words (run-translation.ts), so two
// seeds of one scenario part where a seed changed what happened (a pod placed on another node),
// not at the first random uid. Compared exactly, the first line that is not the same.

import { sameJson } from '../core/canonical-json.ts';
import type { KsimEvent } from '../core/events.ts';
import { formatEventLine } from './log-file.ts';
import { diffFields, type FieldChange } from './field-diff.ts';
import { RunIdentities } from './run-identities.ts';
import { RunTranslation } from './run-translation.ts';

export interface Divergence {
  readonly rev: number;
  /** Run A's event at that revision; absent when A ended before it. */
  readonly a?: KsimEvent;
  /** Run B's event, as written (not translated); absent when B ended before it. */
  readonly b?: KsimEvent;
  /** How the two events differ (B's read in A's words unless exact); empty when one is absent. */
  readonly fields: readonly FieldChange[];
}

export interface CompareOptions {
  /** Compare names, uids and every field as written, with no matching of generated names. */
  readonly exact?: boolean;
}

/** A run's events in order: an array, or a stream read from disk (replay/log-events.ts). */
interface RunEvents {
  readonly events: Iterable<KsimEvent>;
}

/** Both runs' events side by side, revision by revision, until both have ended. */
function* inStep(a: Iterable<KsimEvent>, b: Iterable<KsimEvent>): Generator<[KsimEvent | undefined, KsimEvent | undefined]> {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  try {
    for (;;) {
      const nextA = left.next();
      const nextB = right.next();
      if (nextA.done === true && nextB.done === true) return;
      yield [nextA.done === true ? undefined : nextA.value, nextB.done === true ? undefined : nextB.value];
    }
  } finally {
    left.return?.();
    right.return?.();
  }
}

function sideBySide(rev: number, a: KsimEvent | undefined, b: KsimEvent | undefined, bInA: KsimEvent | undefined): Divergence {
  const fields = a === undefined || bInA === undefined ? [] : diffFields(a, bInA);
  return { rev, ...(a === undefined ? {} : { a }), ...(b === undefined ? {} : { b }), fields };
}

function firstExactDivergence(a: Iterable<KsimEvent>, b: Iterable<KsimEvent>): Divergence | undefined {
  let rev = 0;
  for (const [eventA, eventB] of inStep(a, b)) {
    rev++;
    if (eventA === undefined || eventB === undefined || formatEventLine(eventA) !== formatEventLine(eventB)) {
      return sideBySide(rev, eventA, eventB, eventB);
    }
  }
  return undefined;
}

/** The uid an event gives a new object, which B's translation must learn before reading the event. */
function createdUid(event: KsimEvent): string | undefined {
  switch (event.type) {
    case 'pod/created':
    case 'node/joined':
    case 'object/created':
      return event.object.metadata.uid;
    case 'event/recorded':
      return event.uid;
    default:
      return undefined;
  }
}

function firstMeaningfulDivergence(a: Iterable<KsimEvent>, b: Iterable<KsimEvent>): Divergence | undefined {
  const identitiesA = new RunIdentities();
  const identitiesB = new RunIdentities();
  const translation = new RunTranslation(identitiesA, identitiesB);
  let rev = 0;
  for (const [eventA, eventB] of inStep(a, b)) {
    rev++;
    if (eventA === undefined || eventB === undefined) return sideBySide(rev, eventA, eventB, undefined);
    identitiesA.observe(eventA);
    identitiesB.observe(eventB);
    const uid = createdUid(eventB);
    if (uid !== undefined) translation.learn(uid);
    const bInA = translation.translate(eventB);
    if (!sameJson(eventA, bInA)) return sideBySide(rev, eventA, eventB, bInA);
  }
  return undefined;
}

/** The first revision where the runs differ, or undefined when one is the other event for event. */
export function firstDivergence(logA: RunEvents, logB: RunEvents, options: CompareOptions = {}): Divergence | undefined {
  return options.exact === true ? firstExactDivergence(logA.events, logB.events) : firstMeaningfulDivergence(logA.events, logB.events);
}
