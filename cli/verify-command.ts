// `ksim verify run.ndjson`: runs the log's scenario again with its seed, in memory, and says
// whether the new run writes the very same bytes, or names the first line where the two differ.
// Exit 0 identical, 1 different (a truncated log differs: it lacks the rest), 2 bad input.

import { closeSync, openSync } from 'node:fs';
import { isLeft } from 'fp-ts/lib/Either.js';
import { ControllerError, LivelockError } from '../core/engine.ts';
import { lastLineOf } from '../replay/file-lines.ts';
import { LogTrailerCodec } from '../replay/log-file.ts';
import { LogComparison, readHeaderToVerify, shortenPair, type VerifyResult } from '../replay/verify.ts';
import { decodeScenario } from '../scenarios/load.ts';
import { ScenarioError, simulate } from '../scenarios/simulate.ts';
import { type CliIo, CliError } from './io.ts';

export interface VerifyOptions {
  readonly file: string;
}

export const EXIT_IDENTICAL = 0;
export const EXIT_DIFFERENT = 1;

/** The end time the log's trailer records, so the new run stops where the first one did; undefined without a trailer. */
function recordedEndMs(path: string): number | undefined {
  const fd = openSync(path, 'r');
  try {
    const trailer = LogTrailerCodec.decode(JSON.parse(lastLineOf(fd)));
    return isLeft(trailer) ? undefined : trailer.right.endTime;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function report(result: VerifyResult, io: CliIo): number {
  if (result.identical) {
    io.out(`identical: ${result.events} events, ${result.digest}\n`);
    return EXIT_IDENTICAL;
  }
  const [logLine, rerunLine] = shortenPair(result.logLine ?? '', result.rerunLine ?? '');
  const where = result.line === 1 ? 'the header' : `line ${result.line}`;
  io.out(`different: first at ${where}\n`);
  io.out(`  log:    ${result.logLine === undefined ? '(the log ends here)' : logLine}\n`);
  io.out(`  re-run: ${result.rerunLine === undefined ? '(the re-run ends here)' : rerunLine}\n`);
  return EXIT_DIFFERENT;
}

export function verifyCommand(options: VerifyOptions, io: CliIo): number {
  const header = readHeaderToVerify(options.file);
  if (isLeft(header)) throw new CliError(header.left);
  const scenario = decodeScenario(header.right.scenario, `${options.file}: scenario`);
  if (!scenario.ok) throw new CliError(scenario.errors.join('\n'));
  const endMs = recordedEndMs(options.file);
  const comparison = new LogComparison(options.file, header.right.seed, header.right.scenario);
  try {
    const result = simulate(
      scenario.value,
      { seed: header.right.seed, keepEvents: false, ...(endMs === undefined ? {} : { untilMs: endMs }), onEvent: (event) => comparison.event(event) },
      options.file,
    );
    return report(comparison.finish(result.endMs), io);
  } catch (error) {
    if (error instanceof ScenarioError) throw new CliError(error.errors.join('\n'));
    if (error instanceof LivelockError || error instanceof ControllerError) throw new CliError(`the new run failed: ${error.message}`, 3);
    throw error;
  }
}
