// The example scenarios are part of the contract: each decodes, runs, and meets its expectations.
// The flagship's story is a golden file, so any change in behaviour shows up in review; run with
// UPDATE_GOLDEN=1 to accept a change on purpose.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storyLines } from '../../replay/story.ts';
import { loadScenarioFile } from '../../scenarios/load.ts';
import { simulate } from '../../scenarios/simulate.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
const GOLDEN = join(import.meta.dirname, 'golden');

function load(file: string) {
  const loaded = loadScenarioFile(join(SCENARIOS, file));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  return loaded.value.scenario;
}

const examples = readdirSync(SCENARIOS).filter((file) => file.endsWith('.yaml')).sort();

/** Examples that show a refusal on purpose: the one request each is there to have refused. */
const REFUSED_ON_PURPOSE: Readonly<Record<string, number>> = {
  'extended-resources.yaml': 1, // a pod with an extended resource but no limit
  'limit-range-cpu-constraints.yaml': 2, // a pod above the LimitRange's max, one below its min
  'namespace-deletion.yaml': 2, // a pod created in the Terminating namespace, a delete of kube-system
  'pod-image-update.yaml': 1, // a pod update that changes more than the image
  'quota-mem-cpu.yaml': 1, // a pod past the quota's requests.memory
  'scheduling-gates.yaml': 1, // a patch that adds a scheduling gate
  'services.yaml': 1, // a second Service asking for a node port that is taken
};

describe('example scenarios', () => {
  it('there are at least four, one of them the flagship', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    expect(examples).toContain('flagship.yaml');
  });

  for (const file of examples) {
    it(`${file} meets every expectation`, () => {
      const result = simulate(load(file));
      const failed = result.expectations.filter((expectation) => !expectation.passed);
      expect(result.expectations.length).toBeGreaterThan(0);
      expect(failed).toEqual([]);
    });

    it(`${file} passes strict: no request of it refused but those it shows, and no write of anyone's with a field its kind lacks`, () => {
      const result = simulate(load(file), { strict: true });
      expect(result.requests).toEqual({ rejected: REFUSED_ON_PURPOSE[file] ?? 0, warnings: 0 });
      expect(result.events.filter((event) => event.type === 'request/warned')).toEqual([]);
      expect(result.expectations.every((expectation) => expectation.passed)).toBe(true);
    });
  }

  it('the flagship tells the same story as its golden file', () => {
    const story = `${storyLines(simulate(load('flagship.yaml')).events).join('\n')}\n`;
    const golden = join(GOLDEN, 'flagship.story.txt');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, story);
    expect(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
    expect(story).toBe(readFileSync(golden, 'utf8'));
  });

  it('another seed changes the names drawn but not what the flagship expects', () => {
    const scenario = load('flagship.yaml');
    const a = simulate(scenario, { seed: 1 });
    const b = simulate(scenario, { seed: 2 });
    expect(a.expectations.every((expectation) => expectation.passed)).toBe(true);
    expect(b.expectations.every((expectation) => expectation.passed)).toBe(true);
    expect(a.state.pods.sortedKeys()).not.toEqual(b.state.pods.sortedKeys());
  });
});
