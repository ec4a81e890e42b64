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
