// `ksim describe <kind> <name> --log run.ndjson`: kubectl-describe text for the object at that
// point of the run, with its history from the log in the place of kubectl's Events.

import { qualifiedResource } from '../apiserver/rejection.ts';
import type { KindInfo } from '../core/kinds.ts';
import type { KubeObject, Namespace, Node, Pod, ReplicaSet } from '../core/objects.ts';
import { lookupObject } from '../reducers/lookup.ts';
import { eventTouches } from '../replay/event-subject.ts';
import { Storyteller } from '../replay/story.ts';
import { DescribeWriter } from './describe/describe-writer.ts';
import { describeGeneric, describeNamespace } from './describe/generic.ts';
import { describeNode } from './describe/node.ts';
import { describePod } from './describe/pod.ts';
import { describeReplicaSet } from './describe/replicaset.ts';
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
export function objectHistory(
  view: View,
  info: KindInfo,
  namespace: string | undefined,
  name: string,
): string[] {
  const rev = view.state.rev;
  const teller = new Storyteller({ revWidth: Math.max(3, String(rev).length + 1) });
  const lines: string[] = [];
  for (const event of view.log.events.slice(0, rev)) {
    const line = teller.tell(event);
    if (line !== undefined && eventTouches(event, info.kind, namespace, name)) lines.push(line);
  }
  return lines;
}

function describeBody(w: DescribeWriter, info: KindInfo, object: KubeObject, view: View): void {
  switch (info.kind) {
    case 'Pod':
      describePod(w, object as Pod, view.nowMs);
      break;
    case 'ReplicaSet':
      describeReplicaSet(w, object as ReplicaSet, view.state);
      break;
    case 'Node':
      describeNode(w, object as Node, view.state, view.nowMs);
      break;
    case 'Namespace':
      describeNamespace(w, object as Namespace);
      break;
    default:
      describeGeneric(w, object, info.namespaced);
  }
}

export function describeCommand(options: DescribeOptions, io: CliIo): number {
  const info = parseKind(options.kind);
  const namespace = info.namespaced ? (options.namespace ?? 'default') : undefined;
  const view = loadView(options.log, parsePosition(options.at, options.time));
  const object = lookupObject(view.state, info.kind, namespace, options.name);
  if (object === undefined)
    throw new CliError(`${qualifiedResource(info.kind)} "${options.name}" not found`, EXIT_NOT_FOUND);
  const w = new DescribeWriter();
  describeBody(w, info, object, view);
  const history = objectHistory(view, info, namespace, options.name);
  if (history.length === 0) w.line(0, 'Events:\t<none>');
  else {
    w.line(0, 'Events:');
    for (const line of history) w.line(1, line);
  }
  io.out(w.toString());
  return 0;
}
