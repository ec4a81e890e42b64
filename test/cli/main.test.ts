import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { captureIo, writeLog } from './helpers.ts';
import { clusterEvents } from './fixture.ts';

let log = '';

beforeAll(() => {
  log = writeLog(clusterEvents());
});

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const io = captureIo();
  const code = runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('ksim command line', () => {
  it('runs a subcommand with its parsed options', () => {
    const result = cli('get', 'nodes', 'node-1', '--log', log);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nnode-1\s+Ready\s+control-plane/);
  });

  it('passes -n, -A, -o, -l and --at through to get', () => {
    expect(cli('get', 'po', '-A', '-l', 'k8s-app=kube-dns', '-o', 'wide', '--log', log).stdout).toMatch(
      /^NAMESPACE .*READINESS GATES\nkube-system\s+coredns\s/,
    );
    expect(cli('get', 'po', '-n', 'kube-system', '--at', '14', '--log', log).stdout).toBe('');
  });

  it('prints help for every command and exits 0', () => {
    for (const argv of [
      ['--help'],
      ['get', '--help'],
      ['describe', '--help'],
      ['log', '--help'],
      ['run', '--help'],
    ]) {
      const result = cli(...argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: ksim/);
    }
  });

  it.each([
    [['frobnicate'], "ksim: unknown command 'frobnicate'\n"],
    [['get', 'widgets', '--log', 'run.ndjson'], 'ksim: the server doesn\'t have a resource type "widgets"\n'],
    [
      ['get', 'pods', '--log', '/nonexistent/run.ndjson'],
      'ksim: /nonexistent/run.ndjson: no such file or directory\n',
    ],
    [['log', '/nonexistent/run.ndjson'], 'ksim: /nonexistent/run.ndjson: no such file or directory\n'],
    [['get', 'pods'], "ksim: required option '--log <file>' not specified\n"],
    [['get', 'pods', '--log', 'x', '--bogus'], "ksim: unknown option '--bogus'\n"],
    [['describe', 'pod', '--log', 'x'], "ksim: missing required argument 'name'\n"],
  ])('refuses %j in one line with exit code 2', (argv, message) => {
    expect(cli(...argv)).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('exits 1 for an object that is not there, as kubectl does', () => {
    expect(cli('describe', 'pod', 'nope', '--log', log)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'ksim: pods "nope" not found\n',
    });
  });

  it('prints the usage on stderr and exits 2 when no command is given', () => {
    const result = cli();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: ksim/);
  });

  it('starts as a program and prints its help', () => {
    const result = spawnSync('npx', ['tsx', 'cli/main.ts', '--help'], {
      encoding: 'utf8',
      cwd: process.cwd(),
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ksim \[options\] \[command\]/);
    expect(result.stdout).toContain('describe [options] <kind> <name>');
  });
});
