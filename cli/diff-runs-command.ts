// `ksim diff a.ndjson b.ndjson [--time T] [--exact] [kind [name]]`: where two runs part (the
// revision, the time, and the two events side by side), then how their states differ at the
// end, or at --time. Objects are matched by meaning unless --exact (replay/run-diff.ts).

import { isLeft } from 'fp-ts/lib/Either.js';
import type { KsimEvent } from '../core/events.ts';
import { formatDurationMs } from '../core/duration.ts';
import type { Divergence } from '../replay/first-divergence.ts';
import { diffRuns, type RunDiff, type RunSide } from '../replay/run-diff.ts';
import { objectMapKey } from '../replay/state-diff.ts';
import { streamLog } from '../replay/log-events.ts';
import { Storyteller } from '../replay/story.ts';
import type { DiffOptions } from './diff-command.ts';
import { diffTarget } from './diff-target.ts';
import { type CliIo, CliError, writeLines } from './io.ts';
import { parseOutputFormat, parseTimeMs } from './options.ts';
import { diffSummary, fieldChangeJson, formatFieldChange, objectDiffJson, objectDiffLines } from './printers/diff-text.ts';
import { printJson } from './printers/structured.ts';
import { answer, openLogOrFail, warnAbout } from './view.ts';

/** The story line of the event at a revision, every event told (heartbeats and Events too). */
function storyLineAt(events: Iterable<KsimEvent>, rev: number): string {
  const teller = new Storyteller({ heartbeats: true, events: true, revWidth: String(rev).length + 1 });
  let line = '';
  for (const event of events) {
    if (event.rev > rev) break;
    line = teller.tell(event) ?? '';
  }
  return line;
}

/** One run read from its log: its events streamed from disk, and its last revision. */
interface LoggedRun {
  readonly side: RunSide;
  readonly lastRev: number;
}

function divergenceLines(divergence: Divergence | undefined, runs: { a: LoggedRun; b: LoggedRun }, files: readonly [string, string]): string[] {
  if (divergence === undefined) return [`${files[0]} and ${files[1]}: the same events (${runs.a.lastRev})`];
  const { rev, a, b } = divergence;
  const timeMs = Math.min(a?.time ?? Number.POSITIVE_INFINITY, b?.time ?? Number.POSITIVE_INFINITY);
  const side = (event: KsimEvent | undefined, run: LoggedRun) => (event === undefined ? `(the run ended at rev ${run.lastRev})` : storyLineAt(run.side.events, rev));
  return [
    `first divergence at rev ${rev} (${formatDurationMs(timeMs)}):`,
    `  a: ${side(a, runs.a)}`,
    `  b: ${side(b, runs.b)}`,
    ...divergence.fields.map((field) => `      ${formatFieldChange(field)}`),
  ];
}

function stateLines(result: RunDiff, sides: { a: RunSide; b: RunSide }, timeMs: number | undefined): string[] {
  const where = timeMs === undefined ? 'at the end' : `at ${formatDurationMs(timeMs)}`;
  const header = `state ${where} (a: rev ${sides.a.at.rev}, b: rev ${sides.b.at.rev}): ${diffSummary(result.diff)}`;
  const objects = result.diff.flatMap((entry) => {
    const nameInB = result.namesInB.get(objectMapKey(entry.ref));
    return objectDiffLines(entry, nameInB === undefined ? '' : ` (b: ${nameInB})`);
  });
  return [header, ...objects];
}

function divergenceJson(divergence: Divergence | undefined): unknown {
  if (divergence === undefined) return null;
  return { rev: divergence.rev, a: divergence.a ?? null, b: divergence.b ?? null, fields: divergence.fields.map(fieldChangeJson) };
}

/**
 * One run's side: its events, streamed from disk each time they are walked (where the runs part,
 * and how objects match across seeds, are read from every event of both), and its state at the
 * end or at the time, through the log's checkpoint index.
 */
function loggedRun(file: string, timeMs: number | undefined, io: CliIo): LoggedRun {
  const streamed = streamLog(file);
  if (isLeft(streamed)) throw new CliError(streamed.left);
  const log = openLogOrFail(file);
  const lastRev = streamed.right.scanned.last.rev;
  const state = answer(timeMs === undefined ? log.stateAt(lastRev) : log.stateAtTime(timeMs));
  warnAbout(log, io);
  return { side: { events: streamed.right.events, at: { rev: state.rev, state } }, lastRev };
}

export function diffRunsCommand(options: DiffOptions, io: CliIo): number {
  const [fileA, fileB, ...words] = options.args as [string, string, ...string[]];
  const json = parseOutputFormat(options.output, ['json']) === 'json';
  const target = diffTarget(words, options);
  const timeMs = options.time === undefined ? undefined : parseTimeMs(options.time, '--time');
  const runs = { a: loggedRun(fileA, timeMs, io), b: loggedRun(fileB, timeMs, io) };
  const sides = { a: runs.a.side, b: runs.b.side };
  const result = diffRuns(sides.a, sides.b, target([sides.a.at.state, sides.b.at.state]), { exact: options.exact === true });
  if (json) {
    const objects = result.diff.map((entry) => {
      const nameInB = result.namesInB.get(objectMapKey(entry.ref));
      return { ...objectDiffJson(entry), ...(nameInB === undefined ? {} : { nameInB }) };
    });
    io.out(printJson({ divergence: divergenceJson(result.divergence), objects }));
  } else {
    writeLines(io, [...divergenceLines(result.divergence, runs, [fileA, fileB]), ...stateLines(result, sides, timeMs)]);
  }
  return result.divergence === undefined && result.diff.length === 0 ? 0 : 1;
}
