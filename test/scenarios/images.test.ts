// The scenario's `images:` keys as the kubelet's catalogue reads them: durations to milliseconds,
// `size` a quantity to bytes, and a bad value named by its path.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageCatalog } from '../../scenarios/images.ts';
import { loadScenarioFile } from '../../scenarios/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'ksim-images-'));

function loaded(text: string) {
  const path = join(dir, 'scenario.yaml');
  writeFileSync(path, text);
  return { path, result: loadScenarioFile(path) };
}

describe('image keys', () => {
  it('translates the probe, pull-failure and size keys', () => {
    const { result } = loaded(
      'name: x\nimages:\n  busybox:1.27.2: { livenessFailsAfter: 30s, startupTakes: 12s, probeOutput: "gone", missing: true, size: 150Mi }\n',
    );
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const behaviour = imageCatalog(result.value.scenario.images ?? {})('busybox:1.27.2');
    expect(behaviour).toMatchObject({ livenessFailsAfterMs: 30_000, startupTakesMs: 12_000, probeOutput: 'gone', missing: true, sizeBytes: 157_286_400 });
  });

  it('leaves the new keys out of images that do not set them', () => {
    const { result } = loaded('name: x\nimages:\n  default: { pull: 1s }\n');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const behaviour = imageCatalog(result.value.scenario.images ?? {})('nginx:1.27');
    expect(Object.keys(behaviour).sort()).toEqual(['exitCode', 'pullMs', 'readyMs', 'startMs', 'stopMs']);
  });

  it('names a bad value by its path', () => {
    const { path, result } = loaded('name: x\nimages:\n  app:1: { startupTakes: soon }\n');
    expect(result.ok ? [] : result.errors.map((line) => line.replace(`${path}: `, ''))).toEqual([
      'images.app:1.startupTakes: expected a duration like 500ms, 90s, 5m or 1h, got "soon"',
    ]);
  });

  it('names a misspelt key of each kind, new keys included, with the key meant', () => {
    const { path, result } = loaded(
      'name: x\nimages:\n  app:1: { runfor: 10s, livenesFailsAfter: 5s, startuptakes: 1s, probOutput: x, mising: true, sise: 1Mi, crashafter: 1s, exitcode: 1 }\n',
    );
    expect(result.ok ? [] : result.errors.map((line) => line.replace(`${path}: `, ''))).toEqual([
      'images.app:1.runfor: unknown key; did you mean "runFor"?',
      'images.app:1.livenesFailsAfter: unknown key; did you mean "livenessFailsAfter"?',
      'images.app:1.startuptakes: unknown key; did you mean "startupTakes"?',
      'images.app:1.probOutput: unknown key; did you mean "probeOutput"?',
      'images.app:1.mising: unknown key; did you mean "missing"?',
      'images.app:1.sise: unknown key; did you mean "size"?',
      'images.app:1.crashafter: unknown key; did you mean "crashAfter"?',
      'images.app:1.exitcode: unknown key; did you mean "exitCode"?',
    ]);
  });
});
