// `ksim describe <kind> <name> --log run.ndjson`: kubectl-describe text for the object at that
// point of the run, with its history from the log in the place of kubectl's Events.

import { isLeft } from 'fp-ts/lib/Either.js';
import { qualifiedResource } from '../apiserver/rejection.ts';
import type { KindDefinition } from '../kinds/registry.ts';
import { DescribeWriter } from '../kinds/describe/describe-writer.ts';
import { describeEvents, eventsAbout } from '../kinds/describe/events.ts';
import { lookupObject } from '../reducers/lookup.ts';
import { eventTouches } from '../core/event-subject.ts';
import { Storyteller } from '../replay/story.ts';
import { type CliIo, CliError, EXIT_NOT_FOUND } from './io.ts';
import { parseKind, parsePosition } from './options.ts';
import { loadView, type View } from './view.ts';

export interface DescribeOptions {
  readonly kind: string;
  readonly name: string;
  readonly log: string;
  readonly at?: string;
  readonly time?: string;
  readonly namespace?: string;
}

/** The story lines of the events, up to the view's revision, that were about this object. */
export function objectHistory(view: View, info: KindDefinition, namespace: string | undefined, name: string): string[] {
  const rev = view.state.rev;
  const teller = new Storyteller({ revWidth: Math.max(3, String(rev).length + 1) });
  const lines: string[] = [];
  // The teller hears every event from the start, so each change it tells has its "before".
  const read = view.log.forEachEvent(1, rev, (event) => {
    const line = teller.tell(event);
    if (line !== undefined && eventTouches(event, info.kind, namespace, name)) lines.push(line);
  });
  if (isLeft(read)) throw new CliError(read.left);
  return lines;
}

export function describeCommand(options: DescribeOptions, io: CliIo): number {
  const info = parseKind(options.kind);
  const namespace = info.namespaced ? (options.namespace ?? 'default') : undefined;
  const view = loadView(options.log, parsePosition(options.at, options.time), io);
  const object = lookupObject(view.state, info.kind, namespace, options.name);
  if (object === undefined) throw new CliError(`${qualifiedResource(info.kind)} "${options.name}" not found`, EXIT_NOT_FOUND);
  const w = new DescribeWriter();
  info.describe(w, object, { state: view.state, nowMs: view.nowMs });
  describeEvents(w, eventsAbout(view.state, object), view.nowMs);
  // ksim's own addition: every change of the object in the log, which kubectl cannot show.
  const history = objectHistory(view, info, namespace, options.name);
  w.line(0, history.length === 0 ? 'History:\t<none>' : 'History:');
  for (const line of history) w.line(1, line);
  io.out(w.toString());
  return 0;
}
