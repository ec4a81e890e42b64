// `ksim diff`, in its two forms: one run between two moments
// (`--log run.ndjson --from REV|TIME --to REV|TIME [kind [name]]`), or two runs
// (`a.ndjson b.ndjson [--time T] [--exact] [kind [name]]`). As diff(1) and kubectl diff, it
// exits 0 when nothing differs and 1 when something does.

import { formatDurationMs } from '../core/duration.ts';
import { logStates } from '../replay/log-states.ts';
import { diffStates, type StateDiff } from '../replay/state-diff.ts';
import { diffRunsCommand } from './diff-runs-command.ts';
import { diffTarget } from './diff-target.ts';
import { type CliIo, CliError, writeLines } from './io.ts';
import { momentRev, parseMoment } from './moment-option.ts';
import { parseOutputFormat } from './options.ts';
import { diffSummary, diffTextLines, objectDiffJson } from './printers/diff-text.ts';
import { printJson } from './printers/structured.ts';
import { answer, openLogOrFail, warnAbout } from './view.ts';

export interface DiffOptions {
  /** The positional words: `[kind [name]]` with --log, `a.ndjson b.ndjson [kind [name]]` without. */
  readonly args: readonly string[];
  readonly log?: string;
  readonly from?: string;
  readonly to?: string;
  readonly time?: string;
  readonly exact?: boolean;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly output?: string;
}

export const EXIT_DIFFERENT = 1;

const FORMS = 'ksim diff --log run.ndjson [--from REV|TIME] [--to REV|TIME] [kind [name]], or ksim diff a.ndjson b.ndjson [--time T] [--exact] [kind [name]]';

function checkRevisionsForm(options: DiffOptions): void {
  const twoRunFlags = [options.time === undefined ? '' : '--time', options.exact === true ? '--exact' : ''].filter((flag) => flag !== '');
  if (twoRunFlags.length > 0) {
    throw new CliError(`${twoRunFlags.join(' and ')}: only for two log files (ksim diff a.ndjson b.ndjson); with --log, give the moments with --from and --to`);
  }
}

function checkRunsForm(options: DiffOptions): void {
  const oneRunFlags = [options.from === undefined ? '' : '--from', options.to === undefined ? '' : '--to'].filter((flag) => flag !== '');
  if (oneRunFlags.length > 0) {
    throw new CliError(`${oneRunFlags.join(' and ')}: only with --log run.ndjson; two log files are compared at their ends or at --time`);
  }
  if (options.args.length < 2) {
    const got = options.args.length === 0 ? 'no log file' : `one log file (${options.args[0] ?? ''})`;
    throw new CliError(`ksim diff needs --log or two log files, got ${got}: ${FORMS}`);
  }
}

/** "rev 12 (1m30s)": a moment of a run as the header names it. */
function momentText(rev: number, timeMs: number): string {
  return `rev ${rev} (${formatDurationMs(timeMs)})`;
}

function printDiff(diff: StateDiff, header: string, json: boolean, io: CliIo): number {
  if (json) io.out(printJson(diff.map(objectDiffJson)));
  else writeLines(io, [`${header}: ${diffSummary(diff)}`, ...diffTextLines(diff)]);
  return diff.length === 0 ? 0 : EXIT_DIFFERENT;
}

function diffRevisions(log: string, options: DiffOptions, io: CliIo): number {
  checkRevisionsForm(options);
  const json = parseOutputFormat(options.output, ['json']) === 'json';
  const target = diffTarget(options.args, options);
  const from = parseMoment(options.from ?? '0', '--from');
  const to = options.to === undefined ? undefined : parseMoment(options.to, '--to');
  const opened = openLogOrFail(log);
  try {
    const states = logStates(opened);
    const revAtTime = { lastRev: states.lastRev, revAtTime: (timeMs: number) => answer(states.revAtTime(timeMs)) };
    const fromRev = momentRev(from, '--from', revAtTime);
    const toRev = to === undefined ? states.lastRev : momentRev(to, '--to', revAtTime);
    if (fromRev > toRev) throw new CliError(`--from is after --to (rev ${fromRev} against rev ${toRev})`);
    const before = answer(states.stateAt(fromRev));
    const after = answer(states.stateAt(toRev));
    const diff = diffStates(before, after, target([before, after]));
    return printDiff(diff, `${log}: ${momentText(fromRev, before.timeMs)} -> ${momentText(toRev, after.timeMs)}`, json, io);
  } finally {
    warnAbout(opened, io);
  }
}

export function diffCommand(options: DiffOptions, io: CliIo): number {
  if (options.log !== undefined) return diffRevisions(options.log, options, io);
  checkRunsForm(options);
  return diffRunsCommand(options, io);
}
