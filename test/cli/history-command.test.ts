import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import type { Scenario } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { captureIo, writeLog } from './helpers.ts';

const scaledDeployment: Scenario = {
  name: 'scaled',
  until: 120_000,
  nodes: [{ namePrefix: 'node-', count: 2, capacity: { cpu: '4', memory: '8Gi' } }],
  images: { default: { pull: 0, start: 1000, ready: 1000 } },
  steps: [
    {
      atMs: 0,
      action: 'apply',
      value: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
        },
      },
    },
    { atMs: 60_000, action: 'scale', value: { kind: 'Deployment', name: 'web', replicas: 5 } },
  ],
};

let log = '';

beforeAll(() => {
  log = writeLog(simulate(scaledDeployment, { seed: 4 }).events);
});

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  const io = captureIo();
  const code = runCli(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('ksim history', () => {
  it('lists the revisions of a scaled Deployment: created, scaled by the user, its status written by its controller', () => {
    const result = cli('history', 'deploy', 'web', '--log', log);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^\[ {5}0s\] rev \d+ +user +object\/created +created$/);
    const scaled = lines.findIndex((line) => / user +object\/scaled +changed$/.test(line));
    expect(lines[scaled]).toMatch(/^\[ {3}1m0s\] rev \d+ /);
    expect(lines.slice(scaled + 1, scaled + 3).sort()).toEqual(['    ~ metadata.generation: 1 -> 2', '    ~ spec.replicas: 3 -> 5']);
    expect(lines).toContainEqual(expect.stringMatching(/ controller\/deployment +object\/statusUpdated +changed$/));
    expect(lines).toContain('    ~ status.availableReplicas: 3 -> 5');
    expect(lines.some((line) => line.includes('resourceVersion'))).toBe(false);
  });

  it('prints the entries as JSON with -o json, in revision order', () => {
    const entries = JSON.parse(cli('history', 'deployment', 'web', '--log', log, '-o', 'json').stdout) as { rev: number; actor: string; change: string; fields: { path: string }[] }[];
    expect(entries[0]).toMatchObject({ actor: 'user', change: 'created', fields: [] });
    expect(entries.map((entry) => entry.rev)).toEqual([...entries.map((entry) => entry.rev)].sort((a, b) => a - b));
    expect(entries.find((entry) => entry.fields.some((field) => field.path === 'spec.replicas'))?.actor).toBe('user');
  });

  it('reads a truncated log up to its last whole event, and says so', () => {
    const cut = join(mkdtempSync(join(tmpdir(), 'ksim-history-')), 'cut.ndjson');
    const lines = readFileSync(log, 'utf8').split('\n');
    // The header, then all but the last 5 events: no trailer.
    const lastRev = lines.length - 3 - 5;
    writeFileSync(cut, `${lines.slice(0, 1 + lastRev).join('\n')}\n`);
    const whole = JSON.parse(cli('history', 'deploy', 'web', '--log', log, '-o', 'json').stdout) as unknown[];
    const result = cli('history', 'deploy', 'web', '--log', cut, '-o', 'json');
    expect(result.stderr).toBe(`ksim: ${cut} is truncated: no trailer after rev ${lastRev} (the run did not finish writing)\n`);
    expect(JSON.parse(result.stdout)).toEqual(whole.filter((entry) => (entry as { rev: number }).rev <= lastRev));
  });

  it('says so, exit 1, for an object the log never had, and refuses an unknown kind', () => {
    expect(cli('history', 'deploy', 'api', '--log', log)).toEqual({ code: 1, stdout: '', stderr: 'ksim: deployments.apps "api" not found in the log\n' });
    expect(cli('history', 'widget', 'web', '--log', log)).toMatchObject({ code: 2, stderr: 'ksim: the server doesn\'t have a resource type "widget"\n' });
    expect(cli('history', 'deploy', 'web')).toMatchObject({ code: 2, stderr: "ksim: required option '--log <file>' not specified\n" });
  });
});
