import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles } from './source-files.ts';

/** What the simulation layers may never use: time and randomness come from the engine. */
const FORBIDDEN: readonly [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now'],
  [/\bnew Date\(\s*\)/, 'new Date()'],
  [/\bMath\.random\s*\(/, 'Math.random'],
  [/\bsetTimeout\s*\(/, 'setTimeout'],
  [/\bsetInterval\s*\(/, 'setInterval'],
  [/\bsetImmediate\s*\(/, 'setImmediate'],
  [/\bperformance\.now\s*\(/, 'performance.now'],
  [/\bnew Promise\b/, 'new Promise'],
  [/\bPromise\.(resolve|all|race|any|allSettled)\b/, 'Promise'],
  [/\basync\s+(function\b|\(|[A-Za-z_$][\w$]*\s*(=>|\())/, 'async'],
  [/\bawait\b/, 'await'],
  [/\b(asyncScheduler|asapScheduler|animationFrameScheduler)\b/, 'an RxJS scheduler that reads the wall clock'],
  [/\b(interval|timer|delay)\s*\(/, 'an RxJS time operator'],
];

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function forbiddenUses(source: string): string[] {
  const code = stripComments(source);
  return FORBIDDEN.filter(([pattern]) => pattern.test(code)).map(([, name]) => name);
}

describe('determinism of the simulation layers', () => {
  it('core, reducers, apiserver and controllers use no wall clock, real randomness, timers or promises', () => {
    const offenders = ['core', 'reducers', 'kinds', 'apiserver', 'controllers'].flatMap((layer) =>
      sourceFiles(layer).flatMap((file) => forbiddenUses(readSource(file)).map((name) => `${file}: ${name}`)),
    );
    expect(offenders).toEqual([]);
  });

  it('recognises each forbidden use', () => {
    expect(forbiddenUses('const t = Date.now();')).toEqual(['Date.now']);
    expect(forbiddenUses('const r = Math.random();')).toEqual(['Math.random']);
    expect(forbiddenUses('setTimeout(() => 1, 5);')).toEqual(['setTimeout']);
    expect(forbiddenUses('setInterval(tick, 5);')).toEqual(['setInterval']);
    expect(forbiddenUses('await new Promise((r) => r(1));')).toEqual(['new Promise', 'await']);
    expect(forbiddenUses('async function load() {}')).toEqual(['async']);
    expect(forbiddenUses('// Date.now() is forbidden here')).toEqual([]);
  });
});
