// The `ksim` command line: argument parsing with commander, one subcommand per concern. Errors a
// user can fix print "ksim: <message>" on one line and exit 2 (1 for an object that is not
// there, as kubectl); only a bug in ksim itself prints a stack trace.

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { describeCommand } from './describe-command.ts';
import { diffCommand, type DiffOptions } from './diff-command.ts';
import { getCommand } from './get-command.ts';
import { historyCommand } from './history-command.ts';
import { type CliIo, CliError, EXIT_USAGE, processIo } from './io.ts';
import { logCommand, type LogOptions } from './log-command.ts';
import { rolloutCommand } from './rollout-command.ts';
import { runCommand } from './run-command.ts';
import { verifyCommand } from './verify-command.ts';

interface PositionFlags {
  readonly log: string;
  readonly at?: string;
  readonly time?: string;
  readonly namespace?: string;
}

function addPositionOptions(command: Command): Command {
  return command
    .requiredOption('--log <file>', 'the run log to read (written by ksim run --out)')
    .option('--at <rev>', 'look at the cluster just after this revision')
    .option('--time <duration>', 'look at the cluster at this virtual time, e.g. 90s or 5m')
    .option('-n, --namespace <namespace>', 'the namespace, for namespaced kinds', 'default');
}

function buildProgram(io: CliIo, exitWith: (code: number) => void): Command {
  const program = new Command('ksim')
    .description('A deterministic, event-sourced Kubernetes cluster simulator with time travel.')
    .configureOutput({
      writeOut: (text) => io.out(text),
      writeErr: (text) => io.err(text),
      outputError: () => {},
    })
    .exitOverride()
    .showSuggestionAfterError(true);

  program
    .command('run')
    .description('simulate a scenario and tell its story')
    .argument('<scenario>', 'the scenario file (YAML)')
    .option('--seed <n>', 'the seed of the run (overrides the scenario)')
    .option('--until <duration>', 'stop at this virtual time, e.g. 10m')
    .option('--out <file>', 'write the log of the run to this file (NDJSON)')
    .option('-q, --quiet', 'print only expectations and the summary')
    .option('--events', 'also tell the core/v1 Events components record (SuccessfulCreate, ScalingReplicaSet, ...)')
    .option('--strict', 'refuse manifests with unknown fields (fieldValidation=Strict), and exit 1 if any request of the scenario is refused or warned about')
    .action((scenario: string, flags: { seed?: string; until?: string; out?: string; quiet?: boolean; events?: boolean; strict?: boolean }) => {
      const lines = {
        out: (line: string) => io.out(`${line}\n`),
        err: (line: string) => io.err(`${line}\n`),
      };
      exitWith(runCommand({ scenario, ...flags }, lines));
    });

  addPositionOptions(
    program
      .command('get')
      .description('print objects as kubectl get would, at any point of a run')
      .argument('<kind>', 'pods, replicasets, nodes, namespaces, ... (plural, singular or short name)')
      .argument('[name]', 'one object by name'),
  )
    .option('-A, --all-namespaces', 'list across all namespaces')
    .option('-o, --output <format>', 'wide, json or yaml')
    .option('-l, --selector <selector>', 'filter by labels, e.g. app=web,tier!=db')
    .action(
      (
        kind: string,
        name: string | undefined,
        flags: PositionFlags & { allNamespaces?: boolean; output?: string; selector?: string },
      ) => {
        exitWith(getCommand({ kind, ...(name === undefined ? {} : { name }), ...flags }, io));
      },
    );

  addPositionOptions(
    program
      .command('describe')
      .description('describe one object as kubectl describe would, with its history from the log')
      .argument('<kind>', 'pod, replicaset, node, namespace, ...')
      .argument('<name>', 'the object'),
  ).action((kind: string, name: string, flags: PositionFlags) => {
    exitWith(describeCommand({ kind, name, ...flags }, io));
  });

  addPositionOptions(
    program
      .command('rollout')
      .description('a rollout as kubectl rollout history or status (--watch=false) shows it, at any point of a run')
      .argument('<action>', 'history or status')
      .argument('<kind>', 'deployment, statefulset or daemonset')
      .argument('<name>', 'the object'),
  )
    .option('--revision <n>', 'history: show this revision\'s pod template; status: require this revision')
    .action((action: string, kind: string, name: string, flags: PositionFlags & { revision?: string }) => {
      exitWith(rolloutCommand({ action, kind, name, ...flags }, io));
    });

  program
    .command('log')
    .description('print the events of a run log, one a line')
    .argument('<file>', 'the run log')
    .option('--from <rev>', 'start at this revision')
    .option('--to <rev>', 'stop after this revision')
    .option('-o, --output <format>', 'json for the raw event lines')
    .option('--heartbeats', 'include node heartbeats that change nothing')
    .option('--events', 'include the core/v1 Events components recorded (SuccessfulCreate, ScalingReplicaSet, ...)')
    .option('--kind <kinds>', 'only events about objects of these kinds, e.g. pod or deploy,rs')
    .option('--name <glob>', 'only events about objects with a matching name, e.g. web-*')
    .option('-n, --namespace <glob>', 'only events about objects in a matching namespace')
    .option('--type <glob>', 'only events of a matching type, e.g. pod/* or node/statusReported (heartbeats and recorded Events included)')
    .option('--actor <glob>', 'only events by a matching actor, e.g. kubelet/* or kube-scheduler')
    .option('--since <duration>', 'only events at or after this virtual time, e.g. 90s')
    .option('--until <duration>', 'only events at or before this virtual time, e.g. 5m')
    .option('-f, --follow', 'keep printing as a running ksim run --out appends to the log, until the run ends (or Ctrl-C)')
    .action((file: string, flags: Omit<LogOptions, 'file'>) => {
      exitWith(logCommand({ file, ...flags }, io));
    });

  program
    .command('verify')
    .description('run the log\'s scenario again with its seed and say whether the bytes are identical, or where they first differ')
    .argument('<file>', 'the run log')
    .action((file: string) => {
      exitWith(verifyCommand({ file }, io));
    });

  program
    .command('diff')
    .description('what changed between two moments of a run (--log), or where two runs part and how they differ (two log files)')
    .usage('--log run.ndjson [--from REV|TIME] [--to REV|TIME] [kind [name]]\n       ksim diff a.ndjson b.ndjson [--time T] [--exact] [kind [name]]')
    .argument('[args...]', 'with --log: [kind [name]]; without: two log files, then [kind [name]]')
    .option('--log <file>', 'the run log to compare two moments of')
    .option('--from <rev|time>', 'with --log: the earlier moment, a revision or a virtual time such as 90s (default 0, the empty cluster)')
    .option('--to <rev|time>', 'with --log: the later moment (default the end of the log)')
    .option('--time <duration>', 'two logs: compare their states at this virtual time (default their ends)')
    .option('--exact', 'two logs: compare names, uids and every field as written, without matching generated names')
    .option('-n, --namespace <namespace>', 'only objects of this namespace (default "default"; cluster-scoped objects always)')
    .option('-A, --all-namespaces', 'objects of every namespace')
    .option('-o, --output <format>', 'json for the changes as a list')
    .action((args: string[], flags: Omit<DiffOptions, 'args'>) => {
      exitWith(diffCommand({ args, ...flags }, io));
    });

  program
    .command('history')
    .description('every revision at which one object changed: the time, the actor, and the fields that changed')
    .argument('<kind>', 'pod, deployment, node, ... (plural, singular or short name)')
    .argument('<name>', 'the object')
    .requiredOption('--log <file>', 'the run log to read (written by ksim run --out)')
    .option('-n, --namespace <namespace>', 'the namespace, for namespaced kinds', 'default')
    .option('-o, --output <format>', 'json for the entries as a list')
    .action((kind: string, name: string, flags: { log: string; namespace?: string; output?: string }) => {
      exitWith(historyCommand({ kind, name, ...flags }, io));
    });

  return program;
}

/** commander's own exits: help asked for is success, anything else it refuses is a usage error. */
function commanderExit(error: CommanderError, io: CliIo): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
  if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : EXIT_USAGE;
  io.err(`ksim: ${error.message.replace(/^error: /, '')}\n`);
  return EXIT_USAGE;
}

/** Runs one command line (without "node main.ts") and returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo = processIo()): number {
  let code = 0;
  const program = buildProgram(io, (exit) => {
    code = exit;
  });
  try {
    program.parse([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExit(error, io);
    if (error instanceof CliError) {
      io.err(`ksim: ${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.err(`ksim: internal error (a bug in ksim, please report it): ${detail}\n`);
    return 70;
  }
}

function invokedDirectly(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  // A reader that closes the pipe early (ksim log run.ndjson | head) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  process.exitCode = runCli(process.argv.slice(2));
}
