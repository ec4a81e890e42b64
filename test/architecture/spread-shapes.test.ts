import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.ts';
import { spreadThenAddSites } from './spread-literals.ts';

// Built once when the module loads (field schemas, event codecs, the stored kinds' definitions),
// never per request or event: left as spreads for readability.
const BUILT_AT_LOAD = ['kinds/schema/', 'kinds/builtin/stored.ts', 'core/events.ts'];

describe('object shapes in the simulation layers', () => {
  it('build per-event objects with withFields, not a spread followed by new keys', () => {
    const files = ['core', 'reducers', 'kinds', 'apiserver', 'controllers']
      .flatMap((layer) => sourceFiles(layer))
      .filter((file) => !BUILT_AT_LOAD.some((prefix) => file.startsWith(prefix)));
    expect(spreadThenAddSites(files)).toEqual([]);
  }, 60_000);

  it('recognises the pattern and leaves overrides alone', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'ksim-spread-test-'));
    try {
      const file = join(dir, 'sample.ts');
      writeFileSync(
        file,
        [
          'interface Status { readonly phase: string; readonly hostIP?: string }',
          'export const adds = (s: Status) => ({ ...s, hostIP: "10.0.0.1" });',
          'export const overrides = (s: Status) => ({ ...s, phase: "Running" });',
          'export const literalFirst = (s: Status) => ({ kind: "x", ...s, extra: 1 });',
          '',
        ].join('\n'),
      );
      expect(spreadThenAddSites([file])).toEqual([`${file}:2`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
