import { describe, expect, it } from 'vitest';
import { sourceFiles } from './source-files.ts';
import { spreadThenAddSites } from './spread-literals.ts';

// Built once at load or once per kind, never per event: left as spreads for readability.
const ONCE_PER_RUN = ['kinds/schema/', 'kinds/builtin/stored.ts', 'kinds/builtin/node.ts', 'kinds/workloads/', 'core/events.ts', 'core/cron/'];

describe('object shapes in the simulation layers', () => {
  it('build per-event objects with withFields, not a spread followed by new keys', () => {
    const files = ['core', 'reducers', 'kinds', 'apiserver', 'controllers']
      .flatMap((layer) => sourceFiles(layer))
      .filter((file) => !ONCE_PER_RUN.some((prefix) => file.startsWith(prefix)));
    expect(spreadThenAddSites(files)).toEqual([]);
  }, 60_000);

  it('recognises the pattern and leaves overrides alone', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const { ROOT } = await import('./source-files.ts');
    const dir = mkdtempSync(join(ROOT, '.spread-test-'));
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
      expect(spreadThenAddSites([relative(ROOT, file)])).toEqual([`${relative(ROOT, file)}:2`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
