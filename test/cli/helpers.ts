// Running commands in-process: an io that keeps what was printed, and logs written to temp files.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventBody, KsimEvent } from '../../core/events.ts';
import type { CliIo } from '../../cli/io.ts';
import { formatLog, logHeader } from '../../replay/log-file.ts';

export interface CapturedIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

export function captureIo(): CapturedIo {
  let out = '';
  let err = '';
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    stdout: () => out,
    stderr: () => err,
  };
}

/**
 * Writes the events as a complete log file (its trailer ends the run at `endTimeMs`, by default
 * the last event's time) and returns its path.
 */
export function writeLog(events: readonly KsimEvent[], name = 'run.ndjson', endTimeMs = events.at(-1)?.time ?? 0): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ksim-cli-')), name);
  writeFileSync(path, formatLog({ header: logHeader(7, { name: 'test' }), events }, { endTimeMs }));
  return path;
}

/** Numbers the bodies as a log: each entry is [timeMs, actor, body]. */
export function logOf(entries: readonly (readonly [number, string, EventBody])[]): KsimEvent[] {
  return entries.map(([time, actor, body], index) => ({ rev: index + 1, time, actor, ...body }) as KsimEvent);
}
