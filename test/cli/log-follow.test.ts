// `ksim log --follow`: the log grows while it is read. In-process, the wait between looks is the
// writer: each wait appends the next piece of the log (whole lines, half lines, the trailer). One
// test starts the real program on a file another process grows, and one stops it with Ctrl-C.

import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LogOptions, logCommand } from '../../cli/log-command.ts';
import { formatEventLine, formatHeaderLine, logHeader } from '../../replay/log-file.ts';
import { captureIo } from './helpers.ts';
import { clusterEvents } from './fixture.ts';

const HEADER = formatHeaderLine(logHeader(7, { name: 'test' }));
const EVENT_LINES = clusterEvents().map(formatEventLine);
const TRAILER = JSON.stringify({ format: 'ksim-log-end', endTime: 600_000, lastRev: EVENT_LINES.length, events: EVENT_LINES.length, digest: 'sha256:00' });

function logFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ksim-follow-')), 'run.ndjson');
  writeFileSync(path, text);
  return path;
}

const lines = (from: number, to: number) => EVENT_LINES.slice(from, to).map((line) => `${line}\n`).join('');

/** Follows `path`, appending one piece per wait; returns what was printed and how many waits it took. */
function follow(path: string, pieces: readonly string[], options: Omit<LogOptions, 'file' | 'follow'> = {}) {
  const io = captureIo();
  let waits = 0;
  const wait = () => {
    const piece = pieces[waits++];
    if (piece === undefined) throw new Error('followed past the last piece: it should have stopped');
    appendFileSync(path, piece);
  };
  const code = logCommand({ file: path, follow: true, ...options }, io, { wait });
  return { code, printed: io.stdout().split('\n').slice(0, -1), waits };
}

describe('ksim log --follow', () => {
  it('prints the events already there, then those appended after it started, and stops at the trailer', () => {
    const path = logFile(`${HEADER}\n${lines(0, 5)}`);
    const half = EVENT_LINES[12]?.length ?? 0;
    const cut = `${lines(10, 12)}${EVENT_LINES[12]?.slice(0, half / 2)}`;
    const rest = `${EVENT_LINES[12]?.slice(half / 2)}\n${lines(13, EVENT_LINES.length)}`;
    const { code, printed, waits } = follow(path, [lines(5, 10), '', cut, rest, `${TRAILER}\n`], { output: 'json' });
    expect(code).toBe(0);
    expect(printed).toEqual(EVENT_LINES);
    expect(waits).toBe(5);
  });

  it('tells the same story as ksim log once the run is over', () => {
    const path = logFile(`${HEADER}\n`);
    const { printed } = follow(path, [lines(0, 9), lines(9, EVENT_LINES.length), `${TRAILER}\n`]);
    const whole = captureIo();
    logCommand({ file: logFile(`${HEADER}\n${lines(0, EVENT_LINES.length)}`) }, whole);
    expect(printed).toEqual(whole.stdout().split('\n').slice(0, -1));
    expect(printed).toHaveLength(EVENT_LINES.length - 1);
  });

  it('reads nothing after the trailer', () => {
    const path = logFile(`${HEADER}\n${lines(0, 3)}${TRAILER}\n${lines(3, 4)}`);
    const { printed, waits } = follow(path, [], { output: 'json' });
    expect([printed, waits]).toEqual([EVENT_LINES.slice(0, 3), 0]);
  });

  it('applies the filters, and stops at --to without waiting for the trailer', () => {
    const path = logFile(`${HEADER}\n${lines(0, 8)}`);
    const { printed, waits } = follow(path, [lines(8, 16)], { output: 'json', kind: 'pod', to: '12' });
    expect(printed.map((line) => (JSON.parse(line) as { rev: number }).rev)).toEqual([9, 10, 11, 12]);
    expect(waits).toBe(1);
  });

  it('waits for the header of a log not yet begun', () => {
    const path = logFile('');
    const { printed } = follow(path, ['', `${HEADER}\n${lines(0, 2)}`, `${TRAILER}\n`], { output: 'json' });
    expect(printed).toEqual(EVENT_LINES.slice(0, 2));
  });

  it('names the file and line of a bad line appended to the log', () => {
    const path = logFile(`${HEADER}\n${lines(0, 2)}`);
    expect(() => follow(path, [`${lines(3, 4)}`])).toThrow(`${path}:4: rev: expected 3, got 4`);
  });

  it('waits for a log that is not there yet, saying so once', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ksim-follow-')), 'run.ndjson');
    const io = captureIo();
    const pieces = ['', `${HEADER}\n${lines(0, 1)}`, `${TRAILER}\n`];
    let waits = 0;
    const wait = () => {
      // The first two looks find no file; then the run creates it.
      if (waits++ >= 2) appendFileSync(path, pieces.shift() ?? '');
    };
    expect(logCommand({ file: path, follow: true, output: 'json' }, io, { wait })).toBe(0);
    expect([io.stdout(), io.stderr()]).toEqual([`${EVENT_LINES[0]}\n`, `ksim: waiting for ${path} to be written (Ctrl-C to stop)\n`]);
  });

  it('names a log that cannot be read', () => {
    expect(() => follow(tmpdir(), [])).toThrow(`${tmpdir()}: is a directory`);
  });

  it('stops when a new run starts the log over', () => {
    const path = logFile(`${HEADER}\n${lines(0, 3)}`);
    const restart = () => writeFileSync(path, `${HEADER}\n`);
    const io = captureIo();
    expect(() => logCommand({ file: path, follow: true, output: 'json' }, io, { wait: restart })).toThrow(`${path}: the log was started over (a new run is writing it); follow it again`);
    expect(io.stdout()).toBe(lines(0, 3));
  });
});

/** Starts `ksim log <path> --follow -o json` as a program; resolves with its output and how it ended. */
function startFollowing(path: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'log', path, '--follow', '-o', 'json'], { cwd: process.cwd() });
  let stdout = '';
  let onOutput = () => {};
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    onOutput();
  });
  const printed = (count: number) =>
    new Promise<void>((resolve) => {
      onOutput = () => {
        if (stdout.split('\n').length > count) resolve();
      };
      onOutput();
    });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, printed, ended, stdout: () => stdout };
}

describe('ksim log --follow as a program', () => {
  it('prints what another process appends, and exits 0 at the trailer', async () => {
    const path = logFile(`${HEADER}\n${lines(0, 2)}`);
    const run = startFollowing(path);
    await run.printed(2);
    appendFileSync(path, `${lines(2, 6)}${TRAILER}\n`);
    expect(await run.ended).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toBe(lines(0, 6));
  }, 30_000);

  it('stops at Ctrl-C while it waits for more', async () => {
    const path = logFile(`${HEADER}\n${lines(0, 1)}`);
    const run = startFollowing(path);
    await run.printed(1);
    run.child.kill('SIGINT');
    expect(await run.ended).toEqual({ code: null, signal: 'SIGINT' });
    expect(run.stdout()).toBe(lines(0, 1));
  }, 30_000);
});
