// `ksim run <scenario>`: simulates, tells the story as it happens, checks the expectations, and
// optionally writes the log. Exit 0 when every expectation held, 1 when one failed (or, strict,
// when a request of the scenario was refused or warned about), 2 on bad input.

import { performance } from 'node:perf_hooks';
import { formatDurationMs, parseDurationMs } from '../core/duration.ts';
import { ControllerError, LivelockError } from '../core/engine.ts';
import { LogWriter, logHeader } from '../replay/log-file.ts';
import { Storyteller } from '../replay/story.ts';
import type { ExpectationResult } from '../scenarios/expectations.ts';
import { loadScenarioFile } from '../scenarios/load.ts';
import { DEFAULT_SEED, type RequestCounts, ScenarioError, simulate, type SimulationResult } from '../scenarios/simulate.ts';

export interface RunOptions {
  readonly scenario: string;
  readonly seed?: string;
  readonly until?: string;
  readonly out?: string;
  readonly quiet?: boolean;
  /** Also tell the core/v1 Events components record. */
  readonly events?: boolean;
  /** Refuse unknown manifest fields, and fail the run on any refused or warned request of the scenario. */
  readonly strict?: boolean;
}

export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const consoleOutput: Output = { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) };

export const EXIT_OK = 0;
export const EXIT_EXPECTATION_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_SIMULATION_FAILED = 3;

function parseSeed(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  return /^\d+$/.test(text) && Number(text) <= 0xffffffff ? Number(text) : `--seed: expected a whole number from 0 to 4294967295, got ${JSON.stringify(text)}`;
}

function parseUntil(text: string | undefined): number | undefined | string {
  if (text === undefined) return undefined;
  return parseDurationMs(text) ?? `--until: expected a duration like 500ms, 90s, 5m or 1h, got ${JSON.stringify(text)}`;
}

function expectationLine(result: ExpectationResult): string {
  return `[${formatDurationMs(result.atMs).padStart(7)}] expect ${result.passed ? 'PASS' : 'FAIL'}  ${result.description} (${result.detail})`;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The last line: how long, how many events, what became of the scenario's requests and expectations. */
export function summaryLine(result: SimulationResult): string {
  const failed = result.expectations.filter((expectation) => !expectation.passed).length;
  const passed = result.expectations.length - failed;
  const { rejected, warnings } = result.requests;
  const unreached = result.unreached.length > 0 ? `, ${result.unreached.length} not reached` : '';
  return `ran ${formatDurationMs(result.endMs)} of virtual time, ${result.state.rev} events, seed ${result.seed}; requests: ${rejected} rejected, ${plural(warnings, 'warning')}; expectations: ${passed} passed, ${failed} failed${unreached}`;
}

/** Under strict, what fails the run besides expectations; '' when nothing does. */
function strictFailure({ rejected, warnings }: RequestCounts): string {
  if (rejected + warnings === 0) return '';
  const parts = [rejected > 0 ? plural(rejected, 'rejected request') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter((part) => part !== '');
  const verb = rejected + warnings === 1 ? 'fails' : 'fail';
  return `strict: ${parts.join(' and ')} ${verb} the run`;
}

/** While events come, the run writes what it has at least every tenth of a second, for `ksim log --follow`. */
const LIVE_FLUSH = { maxDelayMs: 100, clock: () => performance.now() };

function openWriter(path: string | undefined, seed: number, raw: Record<string, unknown>): LogWriter | undefined | string {
  if (path === undefined) return undefined;
  try {
    return LogWriter.open(path, logHeader(seed, raw), LIVE_FLUSH);
  } catch (error) {
    return `--out ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (error as Error).message}`;
  }
}

export function runCommand(options: RunOptions, io: Output = consoleOutput): number {
  const seedOption = parseSeed(options.seed);
  const untilOption = parseUntil(options.until);
  for (const problem of [seedOption, untilOption]) {
    if (typeof problem === 'string') {
      io.err(`ksim run: ${problem}`);
      return EXIT_BAD_INPUT;
    }
  }
  const loaded = loadScenarioFile(options.scenario);
  if (!loaded.ok) {
    for (const line of loaded.errors) io.err(line);
    return EXIT_BAD_INPUT;
  }
  const { scenario, raw } = loaded.value;
  const seed = (seedOption as number | undefined) ?? scenario.seed ?? DEFAULT_SEED;
  // The header keeps the scenario as it ran, so that `ksim verify` can run it again: --strict is
  // the scenario's own `strict` given on the command line.
  const writer = openWriter(options.out, seed, options.strict === true ? { ...raw, strict: true } : raw);
  if (typeof writer === 'string') {
    io.err(`ksim run: ${writer}`);
    return EXIT_BAD_INPUT;
  }
  const storyteller = new Storyteller({ events: options.events === true });
  if (!options.quiet) io.out(`ksim: ${scenario.name}, seed ${seed}${scenario.description ? ` - ${scenario.description}` : ''}`);
  try {
    const result = simulate(
      scenario,
      {
        seed,
        ...(untilOption === undefined ? {} : { untilMs: untilOption as number }),
        ...(options.strict === true ? { strict: true } : {}),
        keepEvents: false,
        onEvent: (event) => {
          writer?.append(event);
          const line = storyteller.tell(event);
          if (line !== undefined && !options.quiet) io.out(line);
        },
        onExpectation: (expectation) => io.out(expectationLine(expectation)),
      },
      options.scenario,
    );
    writer?.close({ endTimeMs: result.endMs });
    for (const { atMs, description, place } of result.unreached) {
      io.out(`[${formatDurationMs(atMs).padStart(7)}] expect NOT REACHED  ${description} (${place}: after the run stopped at ${formatDurationMs(result.endMs)})`);
    }
    const failed = result.expectations.some((expectation) => !expectation.passed);
    const strictFailed = result.strict ? strictFailure(result.requests) : '';
    if (strictFailed !== '') io.out(strictFailed);
    io.out(summaryLine(result));
    if (result.stoppedAtHorizon) {
      io.out(`stopped at ${formatDurationMs(result.endMs)}: the run never went idle (a pod in CrashLoopBackOff keeps restarting); give the scenario an \`until\``);
    }
    if (options.out !== undefined) io.out(`log written to ${options.out}`);
    return failed || strictFailed !== '' ? EXIT_EXPECTATION_FAILED : EXIT_OK;
  } catch (error) {
    writer?.close();
    if (error instanceof ScenarioError) {
      for (const line of error.errors) io.err(line);
      return EXIT_BAD_INPUT;
    }
    if (error instanceof LivelockError || error instanceof ControllerError) {
      // A controller that fails is a bug in it (ksim's own, or a user's); the run cannot go on without it.
      io.err(`ksim run: ${error.message}`);
      return EXIT_SIMULATION_FAILED;
    }
    throw error;
  }
}
