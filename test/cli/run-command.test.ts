import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_EXPECTATION_FAILED, EXIT_OK, runCommand } from '../../cli/run-command.ts';
import { readLogFile } from '../../replay/log-read.ts';

const dir = mkdtempSync(join(tmpdir(), 'ksim-run-'));

function scenarioFile(name: string, expectReady: number): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `name: small
until: 1m
nodes:
  - name: node-1
    capacity: { cpu: "2", memory: 4Gi }
steps:
  - at: 0s
    apply:
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: { name: web }
      spec:
        replicas: 2
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: app, image: "web:1" }] }
  - at: 30s
    expect:
      - { kind: ReplicaSet, name: web, path: status.readyReplicas, equals: ${expectReady} }
`,
  );
  return path;
}

function run(options: Parameters<typeof runCommand>[0]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCommand(options, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('ksim run', () => {
  it('exits 0 when every expectation holds, telling the story and the result', () => {
    const { code, out } = run({ scenario: scenarioFile('ok.yaml', 2) });
    expect(code).toBe(EXIT_OK);
    expect(out.some((line) => line.includes('pod/bound'))).toBe(true);
    expect(out.some((line) => line.includes('expect PASS'))).toBe(true);
    expect(out.at(-1)).toMatch(/expectations: 1 passed, 0 failed$/);
  });

  it('exits 1 when an expectation fails, and says what was found', () => {
    const { code, out } = run({ scenario: scenarioFile('fail.yaml', 5) });
    expect(code).toBe(EXIT_EXPECTATION_FAILED);
    expect(out.find((line) => line.includes('expect FAIL'))).toContain('status.readyReplicas is 2');
  });

  it('writes a log that reads back with the seed given', () => {
    const out = join(dir, 'run.ndjson');
    expect(run({ scenario: scenarioFile('log.yaml', 2), seed: '42', out, quiet: true }).code).toBe(EXIT_OK);
    const log = readLogFile(out);
    if (isLeft(log)) throw new Error(log.left);
    expect(log.right.header.seed).toBe(42);
    expect(log.right.events.some((event) => event.type === 'pod/bound')).toBe(true);
  });

  it('gives the same log bytes for the same seed', () => {
    const scenario = scenarioFile('same.yaml', 2);
    run({ scenario, seed: '9', out: join(dir, 'a.ndjson'), quiet: true });
    run({ scenario, seed: '9', out: join(dir, 'b.ndjson'), quiet: true });
    expect(readFileSync(join(dir, 'a.ndjson'), 'utf8')).toBe(readFileSync(join(dir, 'b.ndjson'), 'utf8'));
  });

  it('exits 2 with one line for a bad seed, a bad duration, a missing file or an unwritable log', () => {
    const scenario = scenarioFile('args.yaml', 2);
    for (const options of [
      { scenario, seed: 'abc' },
      { scenario, until: 'soon' },
      { scenario: join(dir, 'absent.yaml') },
      { scenario, out: join(dir, 'no', 'such', 'dir', 'run.ndjson') },
    ]) {
      const { code, err } = run(options);
      expect(code).toBe(EXIT_BAD_INPUT);
      expect(err).toHaveLength(1);
    }
  });
});

describe('ksim run without until', () => {
  it('ends when the cluster goes idle', () => {
    const path = join(dir, 'idle.yaml');
    writeFileSync(path, 'name: idle\nnodes:\n  - name: n1\n    capacity: { cpu: "1", memory: 1Gi }\nsteps:\n  - at: 10s\n    apply: { apiVersion: v1, kind: Pod, metadata: { name: p }, spec: { containers: [{ name: a, image: "a:1" }] } }\n');
    const { code, out } = run({ scenario: path, quiet: true });
    expect(code).toBe(EXIT_OK);
    expect(out.at(-1)).toMatch(/^ran 11s of virtual time/);
  });

  it('stops a run that never goes idle at the horizon, and says why', () => {
    const path = join(dir, 'endless.yaml');
    writeFileSync(
      path,
      'name: endless\nnodes:\n  - name: n1\n    capacity: { cpu: "1", memory: 1Gi }\nimages:\n  crashy:1: { crashAfter: 1s }\nsteps:\n  - at: 0s\n    apply: { apiVersion: v1, kind: Pod, metadata: { name: p }, spec: { containers: [{ name: a, image: "crashy:1" }] } }\n',
    );
    const { code, out } = run({ scenario: path, quiet: true });
    expect(code).toBe(EXIT_OK);
    expect(out.some((line) => line.startsWith('stopped at 24h0m0s: the run never went idle'))).toBe(true);
  });
});

describe('ksim run: what became of the requests', () => {
  function scenarioWith(name: string, manifest: string, extra = ''): string {
    const path = join(dir, name);
    writeFileSync(path, `name: requests\nuntil: 10s\n${extra}nodes:\n  - name: n1\n    capacity: { cpu: "1", memory: 1Gi }\nsteps:\n  - at: 0s\n    apply: ${manifest}\n`);
    return path;
  }
  const typo = '{ apiVersion: v1, kind: Pod, metadata: { name: p }, spec: { containers: [{ name: a, image: "a:1", imagePullPolcy: Always }] } }';

  it('counts refused requests and warnings in the summary line', () => {
    const { code, out } = run({ scenario: scenarioFile('counts.yaml', 2), quiet: true });
    expect(code).toBe(EXIT_OK);
    expect(out.at(-1)).toMatch(/; requests: 0 rejected, 0 warnings; expectations: 1 passed, 0 failed$/);
  });

  it('warns about an unknown field and drops it, and the run passes', () => {
    const { code, out } = run({ scenario: scenarioWith('warn.yaml', typo) });
    expect(code).toBe(EXIT_OK);
    expect(out.find((line) => line.includes('request/warned'))).toMatch(/request\/warned +Pod default\/p create: Warning: unknown field "spec.containers\[0\].imagePullPolcy"$/);
    expect(out.at(-1)).toMatch(/; requests: 0 rejected, 1 warning; expectations: 0 passed, 0 failed$/);
  });

  it('with --strict, refuses the manifest and exits 1', () => {
    const { code, out } = run({ scenario: scenarioWith('strict.yaml', typo), strict: true });
    expect(code).toBe(EXIT_EXPECTATION_FAILED);
    expect(out.find((line) => line.includes('request/rejected'))).toContain('400 BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolcy"');
    expect(out.slice(-2)).toEqual(['strict: 1 rejected request fails the run', expect.stringMatching(/; requests: 1 rejected, 0 warnings; expectations: 0 passed, 0 failed$/)]);
  });

  it('is strict when the scenario says so', () => {
    const { code, out } = run({ scenario: scenarioWith('strict-scenario.yaml', typo, 'strict: true\n'), quiet: true });
    expect(code).toBe(EXIT_EXPECTATION_FAILED);
    expect(out.at(-2)).toBe('strict: 1 rejected request fails the run');
  });

  it('refuses a kind it does not serve with a warning, and goes on', () => {
    const { code, out } = run({ scenario: scenarioWith('unserved.yaml', '{ apiVersion: example.com/v1, kind: Widget, metadata: { name: w } }'), quiet: true });
    expect(code).toBe(EXIT_OK);
    expect(out.at(-1)).toMatch(/; requests: 1 rejected, 1 warning; /);
    const strict = run({ scenario: scenarioWith('unserved-strict.yaml', '{ apiVersion: example.com/v1, kind: Widget, metadata: { name: w } }'), strict: true, quiet: true });
    expect(strict.code).toBe(EXIT_EXPECTATION_FAILED);
    expect(strict.out.at(-2)).toBe('strict: 1 rejected request and 1 warning fail the run');
  });
});

describe('ksim run: expectations outside the run', () => {
  it('refuses an expectation after the scenario ends, naming the file and the expectation', () => {
    const path = scenarioFile('late.yaml', 2);
    writeFileSync(path, readFileSync(path, 'utf8').replace('  - at: 30s\n    expect:', '  - at: 2m\n    expect:'));
    const { code, err } = run({ scenario: path });
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(err).toEqual([`${path}: steps[1].expect[0]: at 2m0s, after the run ends at 1m0s: it would never be checked`]);
  });

  it('reports an expectation a shorter --until cuts off as not reached, neither passed nor failed', () => {
    const { code, out } = run({ scenario: scenarioFile('cut.yaml', 2), until: '20s', quiet: true });
    expect(code).toBe(EXIT_OK);
    expect(out.filter((line) => line.includes('expect'))).toEqual([
      '[    30s] expect NOT REACHED  ReplicaSet web: status.readyReplicas == 2 (steps[1].expect[0]: after the run stopped at 20s)',
      expect.stringMatching(/^ran 20s of virtual time, .*; expectations: 0 passed, 0 failed, 1 not reached$/),
    ]);
  });

  it('checks an expectation a longer --until reaches', () => {
    const path = scenarioFile('extended.yaml', 2);
    writeFileSync(path, readFileSync(path, 'utf8').replace('  - at: 30s\n    expect:', '  - at: 90s\n    expect:'));
    expect(run({ scenario: path }).code).toBe(EXIT_BAD_INPUT);
    const { code, out } = run({ scenario: path, until: '2m', quiet: true });
    expect(code).toBe(EXIT_OK);
    expect(out.at(-1)).toMatch(/expectations: 1 passed, 0 failed$/);
  });
});
