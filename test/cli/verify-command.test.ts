import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { captureIo } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ksim-verify-'));

const scenario = join(dir, 'web.yaml');
writeFileSync(
  scenario,
  `name: verify-me
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
`,
);

function recorded(name: string, ...flags: string[]): string {
  const out = join(dir, name);
  expect(runCli(['run', scenario, '--quiet', '--out', out, ...flags], captureIo())).toBe(0);
  return out;
}

function verify(path: string) {
  const io = captureIo();
  const code = runCli(['verify', path], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

describe('ksim verify', () => {
  it('says identical for an untouched log, with its event count and digest', () => {
    const path = recorded('untouched.ndjson');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const trailer = JSON.parse(lines.at(-1) as string) as { events: number; digest: string };
    expect(verify(path)).toEqual({ code: 0, out: `identical: ${trailer.events} events, ${trailer.digest}\n`, err: '' });
  });

  it('runs a log written with --until and --seed again to the same bytes', () => {
    expect(verify(recorded('until.ndjson', '--until', '20s', '--seed', '99')).code).toBe(0);
  });

  it('names the line of a flipped byte, with both lines', () => {
    const path = recorded('flipped.ndjson');
    const text = readFileSync(path, 'utf8');
    const lines = text.split('\n');
    const target = 5;
    const at = lines.slice(0, target - 1).join('\n').length + 1 + lines[target - 1]!.indexOf('"actor":"') + 9;
    const bytes = Buffer.from(text, 'utf8');
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(path, bytes);
    const result = verify(path);
    expect(result.code).toBe(1);
    expect(result.out.split('\n')[0]).toBe(`different: first at line ${target}`);
    expect(result.out).toContain('  log:    ');
    expect(result.out).toContain('  re-run: ');
  });

  it('names the line of a changed event even when the line is still valid JSON', () => {
    const path = recorded('changed.ndjson');
    const lines = readFileSync(path, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes('"type":"pod/bound"'));
    lines[index] = lines[index]!.replace('"nodeName":"node-1"', '"nodeName":"node-9"');
    writeFileSync(path, lines.join('\n'));
    const result = verify(path);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(new RegExp(`^different: first at line ${index + 1}\\n  log:    .*node-9.*\\n  re-run: .*node-1.*\\n$`));
  });

  it('finds a truncated log different: the log ends where the re-run goes on', () => {
    const path = recorded('cut.ndjson');
    const lines = readFileSync(path, 'utf8').split('\n');
    writeFileSync(path, `${lines.slice(0, 10).join('\n')}\n`);
    const result = verify(path);
    expect(result.code).toBe(1);
    expect(result.out.split('\n').slice(0, 2)).toEqual(['different: first at line 11', '  log:    (the log ends here)']);
  });

  it('exits 2 for a file that is not a log', () => {
    const path = join(dir, 'not-a-log.ndjson');
    writeFileSync(path, 'hello\n');
    const result = verify(path);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^ksim: .*not-a-log\.ndjson:1: not valid JSON/);
  });
});

describe('the read commands on a truncated log', () => {
  it('warn on stderr and answer from the last whole event', () => {
    const path = recorded('truncated-get.ndjson');
    const lines = readFileSync(path, 'utf8').split('\n');
    const kept = lines.slice(0, -2);
    writeFileSync(path, `${kept.join('\n')}\n${lines.at(-2)!.slice(0, 10)}`);
    const io = captureIo();
    expect(runCli(['get', 'rs', 'web', '--log', path], io)).toBe(0);
    expect(io.stderr()).toBe(`ksim: ${path} is truncated: no trailer after rev ${kept.length - 1} (the run did not finish writing); a partial last line of 10 bytes was left out\n`);
    expect(io.stdout()).toContain('web');
  });
});
