// kubectl apply of a List in a whole run: each item is its own request, in order, and a refused or
// warned item is told with its place in the scenario, so a bad third item is found without counting.

import { describe, expect, it } from 'vitest';
import { storyLines } from '../../replay/story.ts';
import { simulate } from '../../scenarios/simulate.ts';

const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
const badPod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'app', image: 'app:1', resources: { requests: { cpu: '-1' } } }] } };

function run(items: unknown[], strict = false) {
  return simulate(
    { name: 'list', until: 10_000, nodes: [{ name: 'n1', capacity: { cpu: '2', memory: '2Gi' } }], steps: [{ atMs: 1000, action: 'apply', value: { apiVersion: 'v1', kind: 'List', items } }] },
    { strict },
  );
}

describe('applying a List', () => {
  it('creates the items in order and names the refused one by its index', () => {
    const result = run([configMap('a'), configMap('b'), badPod, configMap('c')]);
    const created = result.events.flatMap((event) => (event.type === 'object/created' && event.object.kind === 'ConfigMap' ? [event.object.metadata.name] : []));
    expect(created).toEqual(['a', 'b', 'c']);
    const rejected = result.events.filter((event) => event.type === 'request/rejected');
    expect(rejected.map((event) => event.type === 'request/rejected' && event.request)).toEqual([{ verb: 'create', kind: 'Pod', namespace: 'default', name: 'p', source: 'steps[0].apply.items[2]' }]);
    expect(storyLines(result.events).filter((line) => line.includes('request/rejected'))).toEqual([
      expect.stringContaining('Pod default/p create steps[0].apply.items[2]: 422 Invalid: Pod "p" is invalid: spec.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0'),
    ]);
    expect(result.requests).toEqual({ rejected: 1, warnings: 0 });
  });

  it('warns about an item with an unknown field by its index, and refuses it under strict', () => {
    const typo = { ...configMap('typo'), dat: { a: 'b' } };
    const warned = run([configMap('a'), typo]);
    expect(warned.events.filter((event) => event.type === 'request/warned').map((event) => event.type === 'request/warned' && [event.request.source, event.warnings])).toEqual([['steps[0].apply.items[1]', ['unknown field "dat"']]]);
    expect(warned.requests).toEqual({ rejected: 0, warnings: 1 });
    const strict = run([configMap('a'), typo], true);
    const refused = strict.events.filter((event) => event.type === 'request/rejected');
    expect(refused.map((event) => event.type === 'request/rejected' && [event.request.source, event.message])).toEqual([['steps[0].apply.items[1]', expect.stringContaining('unknown field "dat"')]]);
    expect(strict.requests).toEqual({ rejected: 1, warnings: 0 });
  });
});
