import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type LogOptions, logCommand } from '../../cli/log-command.ts';
import { captureIo, writeLog } from './helpers.ts';
import { clusterEvents } from './fixture.ts';

let file = '';

beforeAll(() => {
  file = writeLog(clusterEvents());
});

function log(options: Omit<LogOptions, 'file'>): string[] {
  const io = captureIo();
  expect(logCommand({ file, ...options }, io)).toBe(0);
  return io.stdout().split('\n').slice(0, -1);
}

describe('ksim log', () => {
  it('tells the story of the run, one event a line, leaving out heartbeats', () => {
    const lines = log({});
    expect(lines).toHaveLength(clusterEvents().length - 1);
    expect(lines[0]).toBe('[     0s] rev 1   scenario              object/created           Namespace default');
    expect(lines.at(-1)).toBe(
      '[  9m50s] rev 20  user                  pod/deletionRequested    default/web-leaving grace period 30s',
    );
  });

  it('includes heartbeats when asked to', () => {
    expect(log({ heartbeats: true }).at(-1)).toBe(
      '[  10m0s] rev 21  kubelet/node-1        node/statusReported      node-1 Ready, heartbeat',
    );
  });

  it('prints only the revisions between --from and --to', () => {
    expect(log({ from: '18', to: '19' }).map((line) => line.slice(0, 18))).toEqual([
      '[  9m30s] rev 18  ',
      '[  9m31s] rev 19  ',
    ]);
  });

  it('tells changes relative to events before --from', () => {
    expect(log({ from: '19', to: '19' })[0]).toMatch(/default\/web-creating web waiting: ContainerCreating$/);
  });

  it('prints the raw event lines with -o json', () => {
    // The event lines: neither the header nor the trailer (format version 3) is an event.
    const fileLines = readFileSync(file, 'utf8').split('\n').slice(1, -2);
    expect(log({ output: 'json' })).toEqual(fileLines);
    expect(log({ output: 'json', from: '2', to: '3' })).toEqual(fileLines.slice(1, 3));
  });

  it('refuses --from after --to', () => {
    expect(() => logCommand({ file, from: '9', to: '3' }, captureIo())).toThrow('--from 9 is after --to 3');
  });

  it('refuses --from past the end of the log, naming the last revision', () => {
    expect(() => logCommand({ file, from: '100000', to: '100005' }, captureIo())).toThrow(/^--from 100000 is past the end of the log \(the last revision is \d+\)$/);
  });

  it('refuses output formats other than json', () => {
    expect(() => logCommand({ file, output: 'yaml' }, captureIo())).toThrow('allowed formats are: json');
  });
});

/** The revisions `ksim log -o json` prints with these options. */
function revs(options: Omit<LogOptions, 'file'>): number[] {
  return log({ output: 'json', ...options }).map((line) => (JSON.parse(line) as { rev: number }).rev);
}

describe('ksim log filters', () => {
  it('--kind keeps the events about objects of that kind, by any of its names', () => {
    expect(revs({ kind: 'pod' })).toEqual([9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20]);
    expect(revs({ kind: 'rs,cm' })).toEqual([7, 8, 16]);
    expect(revs({ kind: 'Node' })).toEqual([3, 4, 5, 6, 21]);
  });

  it('--name matches a glob against the object name', () => {
    expect(revs({ name: 'web-*' })).toEqual([9, 10, 13, 14, 17, 18, 19, 20]);
    expect(revs({ name: 'node-?' })).toEqual([3, 4, 5, 6, 21]);
    expect(revs({ name: 'web' })).toEqual([7, 16]);
  });

  it('--namespace leaves out cluster-scoped objects (a Namespace is not in itself)', () => {
    expect(revs({ namespace: 'kube-system' })).toEqual([15]);
    expect(revs({ namespace: 'kube-*,default', kind: 'configmap' })).toEqual([8]);
  });

  it('--type and --actor match globs, slashes included', () => {
    expect(revs({ type: 'node/*' })).toEqual([3, 4, 5, 6, 21]);
    expect(revs({ type: 'pod/bound,object/statusUpdated' })).toEqual([16, 18]);
    expect(revs({ actor: 'kubelet/*' })).toEqual([3, 4, 5, 19, 21]);
    expect(revs({ actor: 'kube-scheduler' })).toEqual([18]);
  });

  it('--since and --until keep the events in that stretch of virtual time, both ends included', () => {
    expect(revs({ since: '9m30s', until: '9m50s' })).toEqual([17, 18, 19, 20]);
    expect(revs({ since: '9m31s' })).toEqual([19, 20, 21]);
    expect(revs({ until: '0s' })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
  });

  it('combines every filter with --from and --to', () => {
    expect(revs({ kind: 'pod', actor: 'user', since: '1s' })).toEqual([20]);
    expect(revs({ from: '10', to: '14', actor: 'user' })).toEqual([11, 12, 13, 14]);
    expect(revs({ from: '10', to: '14', actor: 'user', name: 'web-*' })).toEqual([13, 14]);
  });

  it('tells the story of what passes, with changes told against events the filter left out', () => {
    expect(log({ actor: 'kubelet/*', since: '1m' })).toEqual([
      '[  9m31s] rev 19  kubelet/node-2        pod/statusUpdated        default/web-creating web waiting: ContainerCreating',
    ]);
  });

  it('lets heartbeats through when --type asks for their type', () => {
    expect(log({ type: 'node/statusReported' })).toEqual([
      '[  10m0s] rev 21  kubelet/node-1        node/statusReported      node-1 Ready, heartbeat',
    ]);
  });

  it('refuses a time range that ends before it starts, and times that are not durations', () => {
    expect(() => logCommand({ file, since: '5m', until: '90s' }, captureIo())).toThrow('--since 5m is after --until 90s');
    expect(() => logCommand({ file, since: 'soon' }, captureIo())).toThrow('invalid --since "soon": expected a duration such as 90s, 5m or 1h30m');
  });

  it('refuses a kind the cluster does not serve, as kubectl does', () => {
    expect(() => logCommand({ file, kind: 'pod,widgets' }, captureIo())).toThrow('the server doesn\'t have a resource type "widgets"');
  });
});
