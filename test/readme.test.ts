// The README is the front door, so its sample run must be a real one: every line it shows from
// `ksim run scenarios/flagship.yaml` appears, in the same order, in what that command prints, and
// the log line it quotes is in that run's log.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../cli/run-command.ts';

const ROOT = join(import.meta.dirname, '..');

/** The lines of the README's "What a run looks like" block, without the command and the elisions. */
function sampleLines(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## What a run looks like')[1] ?? '';
  const block = section.split('```')[1] ?? '';
  return block.split('\n').filter((line) => line !== '' && line !== '...' && !line.startsWith('$ '));
}

/** The line of the "The log" section's json block. */
function logSample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('## The log')[1] ?? '';
  return (section.split('```json\n')[1] ?? '').split('\n')[0] ?? '';
}

describe('README', () => {
  const log = join(mkdtempSync(join(tmpdir(), 'ksim-readme-')), 'run.ndjson');
  const printed: string[] = [];
  beforeAll(() => {
    runCommand({ scenario: join(ROOT, 'scenarios', 'flagship.yaml'), out: log }, { out: (line) => printed.push(line), err: (line) => printed.push(line) });
  });

  it("shows lines of the flagship's real output, in order", () => {
    const sample = sampleLines();
    expect(sample.length).toBeGreaterThan(10);
    let from = 0;
    for (const line of sample.filter((text) => !text.startsWith('log written to'))) {
      const found = printed.indexOf(line, from);
      expect(found, `README line not in the output after line ${from}: ${line}`).toBeGreaterThanOrEqual(0);
      from = found + 1;
    }
  });

  it("quotes a line of the flagship's log", () => {
    expect(logSample()).toMatch(/^\{"rev":/);
    expect(readFileSync(log, 'utf8').split('\n')).toContain(logSample());
  });
});
