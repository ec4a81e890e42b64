import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_RANK, ROOT, readSource, relativeImports, sourceFiles } from './source-files.ts';

const layerOf = (file: string) => file.split('/')[0] as string;

/** The imports of one file that point against the layer order, or from one controller into another. */
function importViolations(file: string, source: string): string[] {
  const layer = layerOf(file);
  const found: string[] = [];
  for (const specifier of relativeImports(source)) {
    const target = relative(ROOT, normalize(join(ROOT, dirname(file), specifier)));
    const targetLayer = layerOf(target);
    const rank = LAYER_RANK[targetLayer];
    const ownRank = LAYER_RANK[layer] ?? 0;
    if (rank === undefined || targetLayer === layer) {
      const [ownFolder, targetFolder] = [file.split('/')[1], target.split('/')[1]];
      // controllers/common is the shared library (upstream's pkg/controller utilities), never a controller.
      const crossesControllers = layer === 'controllers' && targetLayer === 'controllers' && ownFolder !== targetFolder && targetFolder !== 'common';
      if (crossesControllers || (ownFolder === 'common' && layer === 'controllers' && targetLayer === 'controllers' && targetFolder !== 'common')) {
        found.push(`${file} imports another controller: ${target}`);
      }
      continue;
    }
    if (rank >= ownRank) found.push(`${file} imports ${target}`);
  }
  return found;
}

describe('layers', () => {
  it('imports point one way: core <- reducers <- apiserver, controllers <- scenarios, replay <- cli', () => {
    const found = Object.keys(LAYER_RANK).flatMap((layer) => sourceFiles(layer).flatMap((file) => importViolations(file, readSource(file))));
    expect(found).toEqual([]);
  });

  it('flags a reducer that imports from scenarios', () => {
    expect(importViolations('reducers/pods.ts', "import { simulate } from '../scenarios/simulate.ts';")).toEqual(['reducers/pods.ts imports scenarios/simulate.ts']);
  });

  it('flags core importing reducers, and apiserver importing controllers (siblings)', () => {
    expect(importViolations('core/engine.ts', "import type { ClusterState } from '../reducers/state.ts';")).toHaveLength(1);
    expect(importViolations('apiserver/admit.ts', "import { scheduler } from '../controllers/scheduler/index.ts';")).toHaveLength(1);
  });

  it('flags one controller importing another', () => {
    expect(importViolations('controllers/kubelet/index.ts', "import { x } from '../scheduler/plugins/fit.ts';")).toEqual([
      'controllers/kubelet/index.ts imports another controller: controllers/scheduler/plugins/fit.ts',
    ]);
  });

  it('lets a controller use controllers/common, but never common a controller', () => {
    expect(importViolations('controllers/deployment/sync.ts', "import { x } from '../common/pod-state.ts';")).toEqual([]);
    expect(importViolations('controllers/common/pod-state.ts', "import { x } from '../replicaset/claim.ts';")).toEqual([
      'controllers/common/pod-state.ts imports another controller: controllers/replicaset/claim.ts',
    ]);
  });

  it('allows imports downward and within a layer', () => {
    expect(importViolations('cli/main.ts', "import { simulate } from '../scenarios/simulate.ts';\nimport { x } from './printers/pods.ts';")).toEqual([]);
  });
});
