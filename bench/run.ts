// `npm run bench`: every performance case, each in a process of its own so its peak memory is its
// own, one JSON line per case on standard output. KSIM_BENCH_CASES=rollouts-300 runs one.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const CASES = ['cluster-30k-pods', 'rollouts-300', 'cluster-150k-pods', 'log-seek'];

const chosen = process.env.KSIM_BENCH_CASES?.split(',') ?? CASES;
let failed = false;
for (const name of chosen) {
  if (!CASES.includes(name)) {
    console.error(`bench: unknown case ${JSON.stringify(name)}; cases: ${CASES.join(', ')}`);
    process.exit(2);
  }
  const script = join(import.meta.dirname, 'cases', `${name}.ts`);
  const run = spawnSync(process.execPath, [...process.execArgv, script], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
