import { statSync, truncateSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { formatDurationMs } from '../../core/duration.ts';
import type { KsimEvent } from '../../core/events.ts';
import type { Step } from '../../scenarios/codecs.ts';
import { runEvents, webScenario } from '../replay/run-scenarios.ts';
import { captureIo, writeLog } from './helpers.ts';

const scaleTo = (replicas: number): Step => ({ atMs: 60_000, action: 'scale', value: { kind: 'ReplicaSet', name: 'web', replicas } });

let events: readonly KsimEvent[] = [];
let run = '';
let otherSeed = '';
let oneNode = '';
let oneNodeOtherSeed = '';
let scaledRev = 0;

beforeAll(() => {
  events = runEvents(webScenario(3, [scaleTo(5)]), 1);
  run = writeLog(events);
  otherSeed = writeLog(runEvents(webScenario(3, [scaleTo(5)]), 3));
  oneNode = writeLog(runEvents(webScenario(1), 1));
  oneNodeOtherSeed = writeLog(runEvents(webScenario(1), 2));
  scaledRev = events.find((event) => event.type === 'object/scaled')?.rev ?? 0;
});

/** The revision of the ReplicaSet's last change before this one: its resourceVersion then. */
function lastReplicaSetWriteBefore(rev: number): number {
  const writes = events.filter((event) => event.rev < rev && 'kind' in event && event.kind === 'ReplicaSet');
  return writes.at(-1)?.rev ?? 0;
}

function timeOf(rev: number): number {
  return events[rev - 1]?.time ?? 0;
}

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const io = captureIo();
  const code = runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('ksim diff --log', () => {
  it('prints a scale as the changed field of the object, and exits 1 for a difference', () => {
    const result = cli('diff', '--log', run, '--from', String(scaledRev - 1), '--to', String(scaledRev), 'rs', 'web');
    expect(result).toMatchObject({ code: 1, stderr: '' });
    expect(result.stdout.split('\n')).toEqual([
      `${run}: rev ${scaledRev - 1} (${formatDurationMs(timeOf(scaledRev - 1))}) -> rev ${scaledRev} (1m0s): 0 added, 0 removed, 1 changed`,
      '~ ReplicaSet default/web',
      '    ~ metadata.generation: 1 -> 2',
      `    ~ metadata.resourceVersion: ${lastReplicaSetWriteBefore(scaledRev)} -> ${scaledRev}`,
      '    ~ spec.replicas: 3 -> 5',
      '',
    ]);
  });

  it('starts from the empty cluster and ends at the end of the log by default, leaving recorded Events out', () => {
    const result = cli('diff', '--log', run);
    const lines = result.stdout.split('\n');
    // 4 namespaces, 2 PriorityClasses, 3 nodes, the ReplicaSet and its 5 pods, and the one
    // ServiceAccount of the namespace it is told about (each namespace has its `default`).
    expect(lines[0]).toBe(`${run}: rev 0 (0s) -> rev ${events.length} (${formatDurationMs(timeOf(events.length))}): 16 added, 0 removed, 0 changed`);
    expect(lines.filter((line) => line.startsWith('+ Pod default/web-'))).toHaveLength(5);
    expect(lines.some((line) => line.startsWith('+ Event'))).toBe(false);
    expect(cli('diff', '--log', run, 'events').stdout).toMatch(/^\+ Event default\/web\./m);
  });

  it('takes the moments as virtual times too', () => {
    const result = cli('diff', '--log', run, '--from', '59s', '--to', '1m', 'replicasets');
    expect(result.stdout).toContain('    ~ spec.replicas: 3 -> 5\n');
  });

  it('exits 0 and says so when nothing changed', () => {
    expect(cli('diff', '--log', run, '--from', '5', '--to', '5')).toEqual({ code: 0, stdout: `${run}: rev 5 (0s) -> rev 5 (0s): no differences\n`, stderr: '' });
  });

  it('prints the changes as a JSON list with -o json', () => {
    const result = cli('diff', '--log', run, '--from', String(scaledRev - 1), '--to', String(scaledRev), 'rs', '-o', 'json');
    const changes = JSON.parse(result.stdout) as { change: string; kind: string; name: string; fields: { op: string; path: string; old: unknown; new: unknown }[] }[];
    expect(changes.map(({ change, kind, name }) => ({ change, kind, name }))).toEqual([{ change: 'changed', kind: 'ReplicaSet', name: 'web' }]);
    expect(changes[0]?.fields).toContainEqual({ op: 'change', path: 'spec.replicas', old: 3, new: 5 });
  });

  it('narrows to a namespace with -n, cluster-scoped objects kept', () => {
    const lines = cli('diff', '--log', run, '-n', 'kube-system').stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('+ ')).map((line) => line.split(' ')[1])).toEqual(['Namespace', 'Namespace', 'Namespace', 'Namespace', 'Node', 'Node', 'Node', 'PriorityClass', 'PriorityClass', 'ServiceAccount']);
  });
});

describe('ksim diff of two runs', () => {
  it('shows where two seeds part and the pods placed differently, matched across their names', () => {
    const result = cli('diff', run, otherSeed, 'pods');
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^first divergence at rev \d+ \(0s\):$/);
    expect(lines[1]).toMatch(/^ {2}a: \[ {5}0s\] rev \d+ +kube-scheduler +pod\/bound +default\/web-\w{5} -> node-\d$/);
    expect(lines[2]).toMatch(/^ {2}b: \[ {5}0s\] rev \d+ +kube-scheduler +pod\/bound +default\/web-\w{5} -> node-\d$/);
    expect(lines[3]).toMatch(/^ {6}~ nodeName: node-\d -> node-\d$/);
    expect(lines).toContainEqual(expect.stringMatching(/^~ Pod default\/web-\w{5} \(b: web-\w{5}\)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {4}~ spec.nodeName: node-\d -> node-\d$/));
    expect(lines.some((line) => line.includes('metadata.uid'))).toBe(false);
  });

  it('finds nothing to report between two seeds on one node, unless --exact', () => {
    expect(cli('diff', oneNode, oneNodeOtherSeed)).toMatchObject({ code: 0, stdout: `${oneNode} and ${oneNodeOtherSeed}: the same events (${runEvents(webScenario(1), 1).length})\nstate at the end (a: rev 41, b: rev 41): no differences\n` });
    const exact = cli('diff', oneNode, oneNodeOtherSeed, '--exact');
    expect(exact.code).toBe(1);
    expect(exact.stdout).toMatch(/^first divergence at rev 1 \(0s\):\n/);
    expect(exact.stdout).toMatch(/^ {4}~ metadata.uid: [0-9a-f-]{36} -> [0-9a-f-]{36}$/m);
  });

  it('compares the states at --time', () => {
    expect(cli('diff', run, otherSeed, '--time', '0s', 'rs').stdout).toMatch(/\nstate at 0s \(a: rev \d+, b: rev \d+\): no differences\n$/);
  });

  it('prints the divergence and the objects as JSON with -o json', () => {
    const parsed = JSON.parse(cli('diff', run, otherSeed, 'pods', '-o', 'json').stdout) as { divergence: { rev: number; a: KsimEvent; b: KsimEvent }; objects: { nameInB?: string }[] };
    expect([parsed.divergence.a.type, parsed.divergence.b.type]).toEqual(['pod/bound', 'pod/bound']);
    expect(parsed.objects.every((object) => object.nameInB?.startsWith('web-') === true)).toBe(true);
  });
});

describe('ksim diff arguments', () => {
  const refused = (...argv: string[]) => {
    const result = cli('diff', ...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    return result.stderr;
  };

  it('asks for --log or two log files', () => {
    expect(refused()).toMatch(/^ksim: ksim diff needs --log or two log files, got no log file: ksim diff --log run.ndjson .*, or ksim diff a.ndjson b.ndjson .*\n$/);
    expect(refused(run)).toContain(`got one log file (${run})`);
  });

  it('refuses options of one form in the other', () => {
    expect(refused('--log', run, '--time', '5s')).toBe('ksim: --time: only for two log files (ksim diff a.ndjson b.ndjson); with --log, give the moments with --from and --to\n');
    expect(refused('--log', run, '--exact')).toMatch(/^ksim: --exact: only for two log files/);
    expect(refused(run, otherSeed, '--from', '3')).toBe('ksim: --from: only with --log run.ndjson; two log files are compared at their ends or at --time\n');
  });

  it('reads through the checkpoint index, and rebuilds a cut one with a one-line warning and the same answer', () => {
    const args = ['diff', '--log', run, '--from', String(scaledRev - 1), '--to', String(scaledRev), 'rs', 'web'];
    const first = cli(...args);
    expect(statSync(`${run}.idx`).size).toBeGreaterThan(0);
    truncateSync(`${run}.idx`, Math.floor(statSync(`${run}.idx`).size / 2));
    const again = cli(...args);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe(`ksim: ${run}.idx could not be read (its table of contents does not match its checksum); rebuilt it\n`);
  });

  it('names a bad moment, a reversed range and a revision past the end', () => {
    expect(refused('--log', run, '--from', 'soon')).toBe('ksim: invalid --from "soon": expected a revision number (0, 1, 2, ...) or a duration such as 90s, 5m or 1h30m\n');
    expect(refused('--log', run, '--from', '20', '--to', '10')).toBe('ksim: --from is after --to (rev 20 against rev 10)\n');
    expect(refused('--log', run, '--to', '99999')).toBe(`ksim: --to 99999 is past the end of the log (the last revision is ${events.length})\n`);
  });

  it('names an unknown kind, extra words, and a missing log file', () => {
    expect(refused('--log', run, 'widgets')).toBe('ksim: the server doesn\'t have a resource type "widgets"\n');
    expect(refused('--log', run, 'pods', 'a', 'b')).toBe('ksim: expected at most a kind and a name, got "pods" "a" "b"\n');
    expect(refused(run, '/nonexistent/b.ndjson')).toBe('ksim: /nonexistent/b.ndjson: no such file or directory\n');
    expect(refused('--log', run, '-n', 'x', '-A')).toBe('ksim: -n and -A cannot be used together\n');
  });
});
