// Lists the project's TypeScript sources by layer, for the architecture tests.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** The layers in import order: a file may import from its own layer and the ones before it. */
export const LAYER_RANK: Readonly<Record<string, number>> = {
  core: 0,
  reducers: 1,
  kinds: 2,
  apiserver: 3,
  controllers: 3,
  scenarios: 4,
  replay: 4,
  cli: 5,
};

export function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, folder));
  return files.sort();
}

export function readSource(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** Relative import specifiers of a file ("../core/table.ts"). */
export function relativeImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
    specifiers.push((match[1] ?? match[2]) as string);
  }
  return specifiers;
}
