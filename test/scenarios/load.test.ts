import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../scenarios/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'ksim-load-'));

function load(text: string, name = 'scenario.yaml') {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, result: loadScenarioFile(path) };
}

function errorsOf(text: string): string[] {
  const { path, result } = load(text);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.errors.map((line) => line.replace(`${path}: `, ''));
}

describe('loading scenarios', () => {
  it('decodes durations to milliseconds and keeps the shape of the contract', () => {
    const { result } = load('name: ok\nuntil: 1h30m\nnodes:\n  - namePrefix: w-\n    count: 2\n    capacity: { cpu: "2", memory: 4Gi }\nsteps:\n  - at: 90s\n    cordon: w-1\n');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.value.scenario.until).toBe(5_400_000);
    expect(result.value.scenario.steps?.[0]).toEqual({ atMs: 90_000, action: 'cordon', value: 'w-1' });
  });

  it('names the field path and what was expected', () => {
    expect(errorsOf('name: x\nsteps:\n  - at: 1m\n    scale: { kind: ReplicaSet, name: web, replicas: five }\n')).toEqual([
      'steps[0].scale.replicas: expected a whole number (0 or more), got "five"',
    ]);
    expect(errorsOf('name: x\nsteps:\n  - at: soon\n    cordon: a\n')).toEqual(['steps[0].at: expected a duration like 500ms, 90s, 5m or 1h, got "soon"']);
  });

  it('refuses a step with no action or two, and unknown step fields', () => {
    expect(errorsOf('name: x\nsteps:\n  - at: 1s\n')[0]).toMatch(/^steps\[0\]: expected exactly one action .* found none$/);
    expect(errorsOf('name: x\nsteps:\n  - at: 1s\n    cordon: a\n    uncordon: a\n')[0]).toMatch(/found cordon and uncordon$/);
    // An unknown key is reported at its own path with the nearest key, as every unknown key is.
    expect(errorsOf('name: x\nsteps:\n  - at: 1s\n    scael: {}\n')).toEqual(['steps[0].scael: unknown key; did you mean "scale"?']);
  });

  it('names every unknown key with its path and the nearest valid key, at any depth', () => {
    const node = '    capacity: { cpu: "2", memory: 4Gi }\n';
    expect(errorsOf(`name: x\nnode:\n  - name: n\n${node}`)).toEqual(['node: unknown key; did you mean "nodes"?']);
    expect(errorsOf('name: x\nnodes:\n  - name: n\n    capcity: { cpu: "2", memory: 4Gi }\n')).toEqual(['nodes[0].capcity: unknown key; did you mean "capacity"?']);
    expect(errorsOf(`name: x\nnodes:\n  - namePrefix: w-\n    count: 2\n${node}    taints: [{ key: k, efect: NoSchedule }]\n`)).toEqual(['nodes[0].taints[0].efect: unknown key; did you mean "effect"?']);
    expect(errorsOf(`name: x\nnodes:\n  - namePrefx: w-\n    count: 2\n${node}`)).toEqual(['nodes[0].namePrefx: unknown key; did you mean "namePrefix"?']);
    expect(errorsOf('name: x\nimages:\n  batch:1.0: { runfor: 30s }\n')).toEqual(['images.batch:1.0.runfor: unknown key; did you mean "runFor"?']);
    expect(errorsOf('name: x\nsteps:\n  - at: 1s\n    scale: { kind: ReplicaSet, name: web, replica: 3 }\n')).toEqual(['steps[0].scale.replica: unknown key; did you mean "replicas"?']);
    expect(errorsOf('name: x\nsteps:\n  - at: 1s\n    expect: [{ kind: Pod, cout: 1 }]\n')).toEqual(['steps[0].expect[0].cout: unknown key; did you mean "count"?']);
    expect(errorsOf('name: x\nfoo: 1\n')).toEqual(['foo: unknown key; the keys here are name, description, seed, until, nodes, cluster, images, storage, steps, strict, ingressController']);
  });

  it('leaves the manifests and patches of steps to the API server', () => {
    const { result } = load('name: x\nsteps:\n  - at: 0s\n    apply: { apiVersion: v1, kind: Pod, metadata: { name: p }, anything: 1 }\n  - at: 1s\n    patch: { kind: Pod, name: p, patch: { whatever: 2 } }\n');
    expect(result.ok).toBe(true);
  });

  it('reports only the node fields that are wrong, for single nodes and series', () => {
    expect(errorsOf('name: x\nnodes:\n  - name: n\n    capacity: { cpu: "2" }\n')).toEqual(['nodes[0].capacity.memory: expected a quantity like "500m", "2", "8Gi", got nothing']);
    expect(errorsOf('name: x\nnodes:\n  - namePrefix: w-\n    count: 0\n    capacity: { cpu: "2", memory: 1Gi }\n')).toEqual(['nodes[0].count: expected a whole number (1 or more), got 0']);
  });

  it('takes extended resources and hugepages in a node capacity, and names anything else', () => {
    expect(load('name: x\nnodes:\n  - name: n\n    capacity: { cpu: "2", memory: 1Gi, example.com/dongle: 4, hugepages-2Mi: 1Gi }\n').result.ok).toBe(true);
    expect(errorsOf('name: x\nnodes:\n  - name: n\n    capacity: { cpu: "2", memory: 1Gi, example.com/dongle: lots }\n')).toEqual([
      'nodes[0].capacity.example.com/dongle: expected a quantity like "500m", "2", "8Gi", got "lots"',
    ]);
    expect(errorsOf('name: x\nnodes:\n  - name: n\n    capacity: { cpu: "2", memory: 1Gi, gpus: 2 }\n')[0]).toMatch(
      /^nodes\[0\]\.capacity\.gpus: expected cpu, memory, pods, ephemeral-storage, hugepages-<size> or an extended resource/,
    );
  });

  it('reports a YAML syntax error with its line and column', () => {
    const { path, result } = load('name: x\nsteps: [\n  - at: 1s\n');
    expect(result.ok ? [] : result.errors).toHaveLength(1);
    expect(result.ok ? '' : result.errors[0]).toMatch(new RegExp(`^${path}:\\d+:\\d+: \\S`));
  });

  it('inlines applyFile manifests, and names the missing file', () => {
    writeFileSync(join(dir, 'pods.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\n---\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: b }\n');
    const { result } = load('name: x\nsteps:\n  - at: 0s\n    applyFile: pods.yaml\n');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const step = result.value.scenario.steps?.[0];
    expect(step?.action === 'apply' && Array.isArray(step.value) && step.value.length).toBe(2);
    expect(JSON.stringify(result.value.raw)).not.toContain('applyFile');
    expect(errorsOf('name: x\nsteps:\n  - at: 0s\n    applyFile: nowhere.yaml\n')).toEqual(['steps[0].applyFile: nowhere.yaml: no such file']);
  });

  it('names a missing scenario file', () => {
    const result = loadScenarioFile(join(dir, 'absent.yaml'));
    expect(result.ok ? [] : result.errors).toEqual([`${join(dir, 'absent.yaml')}: no such file`]);
  });
});
