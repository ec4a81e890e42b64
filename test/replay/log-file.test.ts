import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Either, isLeft, isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import {
  formatEventLine,
  formatHeaderLine,
  formatLog,
  type KsimLog,
  LogWriter,
  logHeader,
} from '../../replay/log-file.ts';
import { parseLog, readLogFile } from '../../replay/log-read.ts';
import { KSIM_VERSION } from '../../replay/ksim-version.ts';
import { namespaceObject, podObject } from './builders.ts';
import { syntheticRun } from './synthetic-run.ts';

const header = logHeader(7, { name: 'demo', steps: [{ at: '0s', apply: 'web.yaml' }] });
const headerLine = formatHeaderLine(header);

function logText(...eventLines: string[]): string {
  return [headerLine, ...eventLines].map((line) => `${line}\n`).join('');
}

function errorOf(result: Either<string, KsimLog>): string {
  if (isRight(result)) throw new Error('expected the log to be refused');
  return result.left;
}

function tempPath(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'ksim-log-')), name);
}

const created = formatEventLine({
  rev: 1,
  time: 0,
  actor: 'scenario',
  type: 'object/created',
  object: namespaceObject('default'),
});

function bound(rev: number, time = 0): string {
  return JSON.stringify({
    rev,
    time,
    actor: 'kube-scheduler',
    type: 'pod/bound',
    namespace: 'default',
    name: 'web',
    nodeName: 'node-1',
  });
}

describe('log file round trip', () => {
  it('parses back the header and events it formatted', () => {
    const events = syntheticRun(20);
    const parsed = parseLog(formatLog({ header, events }, { endTimeMs: 99_000 }), 'run.ndjson');
    if (isLeft(parsed)) throw new Error(parsed.left);
    expect(parsed.right.header).toEqual(header);
    expect(parsed.right.events).toEqual(events);
    expect(parsed.right.ending).toMatchObject({ complete: true, trailer: { endTime: 99_000, lastRev: events.length, events: events.length } });
  });

  it('writes the header first, with its keys in a fixed order', () => {
    expect(headerLine).toBe(
      `{"format":"ksim-log","version":3,"ksim":"${KSIM_VERSION}","seed":7,"scenario":{"name":"demo","steps":[{"at":"0s","apply":"web.yaml"}]}}`,
    );
  });

  it('streams through the writer the same bytes formatLog gives, across several batches', () => {
    const events = syntheticRun(3000);
    const path = tempPath('run.ndjson');
    const writer = LogWriter.open(path, header);
    for (const event of events) writer.append(event);
    writer.close({ endTimeMs: 7_000_000 });
    expect(readFileSync(path, 'utf8')).toBe(formatLog({ header, events }, { endTimeMs: 7_000_000 }));
    const read = readLogFile(path);
    if (isLeft(read)) throw new Error(read.left);
    expect(read.right.events).toEqual(events);
    expect(read.right.ending).toMatchObject({ complete: true, trailer: { endTime: 7_000_000, lastRev: events.length, events: events.length } });
  });

  it('given a flush delay, writes the header at once and what it holds once the delay has passed', () => {
    const events = syntheticRun(3).slice(0, 3);
    const path = tempPath('live.ndjson');
    let nowMs = 0;
    const writer = LogWriter.open(path, header, { maxDelayMs: 100, clock: () => nowMs });
    const written = () => readFileSync(path, 'utf8');
    expect(written()).toBe(`${headerLine}\n`);
    nowMs = 99;
    writer.append(events[0] as KsimEvent);
    expect(written()).toBe(`${headerLine}\n`);
    nowMs = 100;
    writer.append(events[1] as KsimEvent);
    expect(written()).toBe(formatLog({ header, events: events.slice(0, 2) }));
    nowMs = 150;
    writer.append(events[2] as KsimEvent);
    expect(written()).toBe(formatLog({ header, events: events.slice(0, 2) }));
    writer.close();
    expect(written()).toBe(formatLog({ header, events }));
  });

  it('refuses appends after close', () => {
    const writer = LogWriter.open(tempPath('closed.ndjson'), header);
    writer.close();
    expect(() => writer.append(JSON.parse(created) as KsimEvent)).toThrow('closed');
  });

  // Format 3: every line is written with its newline, so a last line without one was cut by a
  // kill mid-write; it is left out, and the log is truncated rather than refused.
  it('leaves out a last line without its newline and reports the log as truncated', () => {
    const parsed = parseLog(`${headerLine}\n${created}\n${bound(2)}`, 'run.ndjson');
    if (isLeft(parsed)) throw new Error(parsed.left);
    expect(parsed.right.events.map((event) => event.rev)).toEqual([1]);
    expect(parsed.right.ending).toEqual({ complete: false, lastRev: 1, partialLineBytes: Buffer.byteLength(bound(2)) });
  });
});

describe('log file errors name the file, the line and the field', () => {
  it('reports a field of the wrong type with its path', () => {
    const lines = [created, ...Array.from({ length: 14 }, (_, i) => bound(i + 2))];
    const bad = bound(16).replace('"rev":16', '"rev":"x"');
    expect(errorOf(parseLog(logText(...lines, bad), 'run.ndjson'))).toBe(
      'run.ndjson:17: rev: expected number, got "x"',
    );
  });

  it('reports a nested payload field', () => {
    const pod = podObject('web');
    const line = JSON.stringify({
      rev: 2,
      time: 0,
      actor: 'user',
      type: 'pod/created',
      object: { ...pod, metadata: { ...pod.metadata, name: 5 } },
    });
    expect(errorOf(parseLog(logText(created, line), 'run.ndjson'))).toBe(
      'run.ndjson:3: object.metadata.name: expected string, got 5',
    );
  });

  it('reports a missing payload field', () => {
    const line = bound(2).replace(',"nodeName":"node-1"', '');
    expect(errorOf(parseLog(logText(created, line), 'run.ndjson'))).toBe(
      'run.ndjson:3: nodeName: expected string, got nothing',
    );
  });

  it('reports an unknown event type', () => {
    const line = bound(2).replace('pod/bound', 'pod/exploded');
    expect(errorOf(parseLog(logText(created, line), 'run.ndjson'))).toBe(
      'run.ndjson:3: type: unknown event type "pod/exploded"',
    );
  });

  it('does not take an inherited property name for an event type', () => {
    const line = bound(2).replace('pod/bound', 'constructor');
    expect(errorOf(parseLog(logText(created, line), 'run.ndjson'))).toBe(
      'run.ndjson:3: type: unknown event type "constructor"',
    );
  });

  it('reports a line that is not JSON', () => {
    expect(errorOf(parseLog(logText(created, '{"rev":2,'), 'run.ndjson'))).toMatch(
      /^run\.ndjson:3: not valid JSON \(.+\)$/,
    );
  });

  it('reports an empty line between events', () => {
    expect(errorOf(parseLog(logText(created, '', bound(2)), 'run.ndjson'))).toBe(
      'run.ndjson:3: empty line, expected an event',
    );
  });

  it('reports a line that is JSON but not an object', () => {
    expect(errorOf(parseLog(logText(created, '[1,2]'), 'run.ndjson'))).toBe(
      'run.ndjson:3: expected an event object, got a list',
    );
  });

  it('reports a header that is JSON but not an object', () => {
    expect(errorOf(parseLog('"ksim-log"\n', 'run.ndjson'))).toBe(
      'run.ndjson:1: expected a ksim-log header line, got "ksim-log"',
    );
  });

  it('reports a revision that skips ahead', () => {
    expect(errorOf(parseLog(logText(created, bound(3)), 'run.ndjson'))).toBe(
      'run.ndjson:3: rev: expected 2, got 3',
    );
  });

  it('reports a first event that is not revision 1', () => {
    expect(errorOf(parseLog(logText(bound(2)), 'run.ndjson'))).toBe('run.ndjson:2: rev: expected 1, got 2');
  });

  it('reports time going back', () => {
    const text = logText(created.replace('"time":0', '"time":5000'), bound(2, 3000));
    expect(errorOf(parseLog(text, 'run.ndjson'))).toBe(
      'run.ndjson:3: time: expected 5000 or later (time never goes back), got 3000',
    );
  });

  it('reports an empty file', () => {
    expect(errorOf(parseLog('', 'run.ndjson'))).toBe(
      'run.ndjson:1: expected a ksim-log header line, got nothing',
    );
  });

  it('reports a log whose first line is an event', () => {
    expect(errorOf(parseLog(`${created}\n`, 'run.ndjson'))).toBe(
      'run.ndjson:1: expected a ksim-log header line first, got an event',
    );
  });

  it('reports a header of another format', () => {
    const text = `${headerLine.replace('ksim-log', 'other')}\n`;
    expect(errorOf(parseLog(text, 'run.ndjson'))).toBe(
      'run.ndjson:1: format: expected "ksim-log", got "other"',
    );
  });

  it('reports a header of another version, and what to do about it', () => {
    const text = `${headerLine.replace('"version":3', '"version":2')}\n`;
    expect(errorOf(parseLog(text, 'run.ndjson'))).toBe(
      'run.ndjson:1: version: this log has format version 2 and this ksim reads version 3; run the scenario again to write a new log',
    );
  });

  it('reports a header without a seed', () => {
    const text = `${headerLine.replace('"seed":7,', '')}\n`;
    expect(errorOf(parseLog(text, 'run.ndjson'))).toBe('run.ndjson:1: seed: expected number, got nothing');
  });

  it('reports a header that is not JSON', () => {
    expect(errorOf(parseLog('ksim log\n', 'run.ndjson'))).toMatch(/^run\.ndjson:1: not valid JSON \(.+\)$/);
  });

  it('reports a missing file in one line', () => {
    expect(errorOf(readLogFile('/nonexistent/run.ndjson'))).toBe(
      '/nonexistent/run.ndjson: no such file or directory',
    );
  });

  it('reports a directory given as the log', () => {
    expect(errorOf(readLogFile(tmpdir()))).toBe(`${tmpdir()}: is a directory`);
  });

  it('names the file as given when reading from disk', () => {
    const path = tempPath('bad.ndjson');
    writeFileSync(path, logText(bound(1).replace('"nodeName":"node-1"', '"nodeName":5')));
    const result = readLogFile(path);
    expect(isLeft(result) && result.left).toBe(`${path}:2: nodeName: expected string, got 5`);
  });
});
