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
});
