// `ksim run <scenario>`: simulates, tells the story as it happens, checks the expectations, and
// optionally writes the log. Exit 0 when every expectation held, 1 when one failed, 2 on bad input.

import { formatDurationMs, parseDurationMs } from '../core/duration.ts';
import { ControllerError, LivelockError } from '../core/engine.ts';
import { LogWriter, logHeader } from '../replay/log-file.ts';
import { Storyteller } from '../replay/story.ts';
import type { ExpectationResult } from '../scenarios/expectations.ts';
import { loadScenarioFile } from '../scenarios/load.ts';
import { DEFAULT_SEED, ScenarioError, simulate } from '../scenarios/simulate.ts';

export interface RunOptions {
  readonly scenario: string;
  readonly seed?: string;
  readonly until?: string;
  readonly out?: string;
  readonly quiet?: boolean;
  /** Also tell the core/v1 Events components record. */
  readonly events?: boolean;
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

function openWriter(path: string | undefined, seed: number, raw: Record<string, unknown>): LogWriter | undefined | string {
  if (path === undefined) return undefined;
  try {
    return LogWriter.open(path, logHeader(seed, raw));
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
  const writer = openWriter(options.out, seed, raw);
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
    writer?.close();
    const failed = result.expectations.filter((expectation) => !expectation.passed).length;
    const passed = result.expectations.length - failed;
    io.out(`ran ${formatDurationMs(result.endMs)} of virtual time, ${result.state.rev} events, seed ${seed}; expectations: ${passed} passed, ${failed} failed`);
    if (result.stoppedAtHorizon) {
      io.out(`stopped at ${formatDurationMs(result.endMs)}: the run never went idle (a pod in CrashLoopBackOff keeps restarting); give the scenario an \`until\``);
    }
    if (options.out !== undefined) io.out(`log written to ${options.out}`);
    return failed > 0 ? EXIT_EXPECTATION_FAILED : EXIT_OK;
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
