// `ksim history <kind> <name> --log run.ndjson [-n NS]`: every revision at which the object was
// created, changed or deleted, with the time, the actor, the event, and the fields it changed.

import { qualifiedResource } from '../apiserver/rejection.ts';
import { formatDurationMs } from '../core/duration.ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { scanLogFile, truncationWarning } from '../replay/api.ts';
import { type HistoryEntry, ObjectHistory } from '../replay/object-history.ts';
import { type CliIo, CliError, EXIT_NOT_FOUND, writeLines } from './io.ts';
import { parseKind, parseOutputFormat } from './options.ts';
import { fieldChangeJson, formatFieldChange } from './printers/diff-text.ts';
import { printJson } from './printers/structured.ts';

export interface HistoryOptions {
  readonly kind: string;
  readonly name: string;
  readonly log: string;
  readonly namespace?: string;
  readonly output?: string;
}

const TIME_WIDTH = 7;
const ACTOR_WIDTH = 21;
const TYPE_WIDTH = 24;

function entryLines(entry: HistoryEntry, revWidth: number): string[] {
  const head = `[${formatDurationMs(entry.timeMs).padStart(TIME_WIDTH)}] rev ${String(entry.rev).padEnd(revWidth)} ${entry.actor.padEnd(ACTOR_WIDTH)} ${entry.type.padEnd(TYPE_WIDTH)} ${entry.change}`;
  return [head, ...entry.fields.map((field) => `    ${formatFieldChange(field)}`)];
}

function entryJson(entry: HistoryEntry): Record<string, unknown> {
  return { ...entry, fields: entry.fields.map(fieldChangeJson) };
}

export function historyCommand(options: HistoryOptions, io: CliIo): number {
  const definition = parseKind(options.kind);
  const json = parseOutputFormat(options.output, ['json']) === 'json';
  const namespace = definition.namespaced ? (options.namespace ?? 'default') : undefined;
  const ref = namespace === undefined ? { kind: definition.kind, name: options.name } : { kind: definition.kind, namespace, name: options.name };
  // One checked pass over the log from disk: a history needs every revision from the first, so
  // the checkpoint index would save nothing, and building it would fold the log a second time.
  const history = new ObjectHistory(ref);
  const scanned = scanLogFile(options.log, (event) => history.observe(event));
  if (isLeft(scanned)) throw new CliError(scanned.left);
  const truncated = truncationWarning(options.log, scanned.right.ending);
  if (truncated !== undefined) io.err(`ksim: ${truncated}\n`);
  const { entries } = history;
  if (entries.length === 0) throw new CliError(`${qualifiedResource(definition.kind)} "${options.name}" not found in the log`, EXIT_NOT_FOUND);
  if (json) io.out(printJson(entries.map(entryJson)));
  else {
    const revWidth = Math.max(3, String(scanned.right.last.rev).length + 1);
    writeLines(io, entries.flatMap((entry) => entryLines(entry, revWidth)));
  }
  return 0;
}
