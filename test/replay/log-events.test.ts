import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { formatLog, logHeader } from '../../replay/log-file.ts';
import { streamLog } from '../../replay/log-events.ts';
import { syntheticRun } from './synthetic-run.ts';

const header = logHeader(7, { name: 'demo' });
const dir = mkdtempSync(join(tmpdir(), 'ksim-log-events-'));

function written(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('streamLog', () => {
  const events = syntheticRun(12);

  it('gives every event of a complete log, in order, as often as it is walked', () => {
    const streamed = streamLog(written('complete.ndjson', formatLog({ header, events }, { endTimeMs: 60_000 })));
    if (isLeft(streamed)) throw new Error(streamed.left);
    expect([...streamed.right.events]).toEqual(events);
    expect([...streamed.right.events]).toEqual(events);
    expect(streamed.right.scanned.last.rev).toBe(events.length);
  });

  it('stops a walk early without reading on, and starts the next one from the first event', () => {
    const streamed = streamLog(written('early.ndjson', formatLog({ header, events }, { endTimeMs: 60_000 })));
    if (isLeft(streamed)) throw new Error(streamed.left);
    for (const event of streamed.right.events) if (event.rev === 3) break;
    expect([...streamed.right.events].map((event) => event.rev)).toEqual(events.map((event) => event.rev));
  });

  it('gives a truncated log up to its last whole event, the cut line left out', () => {
    const whole = formatLog({ header, events });
    const cut = whole.slice(0, whole.length - 20);
    const streamed = streamLog(written('cut.ndjson', cut));
    if (isLeft(streamed)) throw new Error(streamed.left);
    expect([...streamed.right.events]).toEqual(events.slice(0, -1));
  });

  it('refuses a log with a bad line before any walk, naming the line', () => {
    const lines = formatLog({ header, events }).split('\n');
    lines[4] = '{"rev":';
    const streamed = streamLog(written('bad.ndjson', lines.join('\n')));
    expect(isLeft(streamed) ? streamed.left : '').toMatch(/bad\.ndjson:5: not valid JSON/);
  });
});
