// Steps compiled into requests, and expectations checked before the run: kubectl's List reading,
// expectations after the end, on kinds not served or on paths no object can have.

import { describe, expect, it } from 'vitest';
import type { Step } from '../../scenarios/codecs.ts';
import { compileSteps } from '../../scenarios/steps.ts';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'a', image: 'a:1' }] } });
const compile = (steps: Step[], untilMs = 600_000) => compileSteps(steps, 'x.yaml', { untilMs });
const expectStep = (atMs: number, expectation: Record<string, unknown>): Step => ({ atMs, action: 'expect', value: [expectation as { kind: string }] });

describe('compiling apply steps', () => {
  it('applies a List item by item, in order, each its own request', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [pod('a'), { apiVersion: 'v1', kind: 'List', items: [pod('b')] }, pod('c')] };
    const compiled = compile([{ atMs: 0, action: 'apply', value: list }]);
    expect(compiled.errors).toEqual([]);
    expect(compiled.commands.map(({ command }) => (command.type === 'apply' ? (command.manifest as { metadata: { name: string } }).metadata.name : ''))).toEqual(['a', 'b', 'c']);
  });

  it('marks each List item with its place in the scenario, and a plain manifest with none', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [pod('a'), { apiVersion: 'v1', kind: 'List', items: [pod('b')] }] };
    const compiled = compile([{ atMs: 0, action: 'apply', value: [pod('solo'), list] }]);
    expect(compiled.commands.map(({ command }) => (command.type === 'apply' ? command.source : 'not an apply'))).toEqual([undefined, 'steps[0].apply[1].items[0]', 'steps[0].apply[1].items[1].items[0]']);
  });

  it('gives the items of a typed list the kind and version they leave out, as kubectl does', () => {
    const list = { apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'a' }, spec: {} }] };
    const [first] = compile([{ atMs: 0, action: 'apply', value: [list] }]).commands;
    expect(first?.command.type === 'apply' && first.command.manifest).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } });
  });

  it('refuses a List whose items are not a list of manifests', () => {
    expect(compile([{ atMs: 0, action: 'apply', value: { apiVersion: 'v1', kind: 'List', items: 'pods' } }]).errors).toEqual(['x.yaml: steps[0].apply.items: a List holds a list of manifests']);
    expect(compile([{ atMs: 0, action: 'apply', value: [pod('a'), { kind: 'List', items: [3] }] }]).errors).toEqual([
      'x.yaml: steps[0].apply[1].items[0]: expected a manifest (a mapping with apiVersion, kind and metadata)',
    ]);
  });

  it('sends manifests with fieldValidation=Strict when the run is strict', () => {
    const [first] = compileSteps([{ atMs: 0, action: 'apply', value: pod('a') }], 'x.yaml', { untilMs: 1, strict: true }).commands;
    expect(first?.command).toMatchObject({ type: 'apply', fieldValidation: 'Strict' });
  });
});

describe('steps after the end', () => {
  it('refuses a request step due after the run ends, as it would never be sent', () => {
    const steps: Step[] = [
      { atMs: 60_000, action: 'apply', value: pod('on-time') },
      { atMs: 90_000, action: 'cordon', value: 'n1' },
    ];
    expect(compile(steps, 60_000).errors).toEqual(['x.yaml: steps[1]: at 1m30s, after the run ends at 1m0s: it would never be sent']);
    expect(compile(steps, 90_000).errors).toEqual([]);
  });
});

describe('checking expectations before the run', () => {
  it('refuses an expectation after the run ends', () => {
    expect(compile([expectStep(300_000, { kind: 'Pod', count: 1 })], 120_000).errors).toEqual(['x.yaml: steps[0].expect[0]: at 5m0s, after the run ends at 2m0s: it would never be checked']);
  });

  it('refuses a kind the cluster does not serve', () => {
    expect(compile([expectStep(0, { kind: 'Deploymnet', count: 0 })]).errors).toEqual(['x.yaml: steps[0].expect[0].kind: the server doesn\'t have a resource type "Deploymnet"']);
  });

  it('refuses a path no object of the kind can have, naming the field meant', () => {
    expect(compile([expectStep(0, { kind: 'deploy', name: 'web', path: 'status.readyReplica', equals: 3 })]).errors).toEqual([
      'x.yaml: steps[0].expect[0].path: "status.readyReplica" cannot exist: Deployment has no field "readyReplica" in DeploymentStatus; did you mean "readyReplicas"?',
    ]);
    expect(compile([expectStep(0, { kind: 'Pod', name: 'p', path: 'spec.containers.image', equals: 'x' })]).errors[0]).toContain('image: a list is read by index or filter');
    expect(compile([expectStep(0, { kind: 'Pod', name: 'p', path: 'spec.nodeName.first', equals: 'x' })]).errors[0]).toContain('first: a string has no fields or items');
    expect(compile([expectStep(0, { kind: 'Deployment', name: 'web', path: 'status.conditions[kind=Available].status', equals: 'True' })]).errors[0]).toContain(
      'Deployment has no field "kind" in DeploymentCondition',
    );
  });

  it('takes the paths that can exist: list filters, indexes, map keys and raw JSON', () => {
    const paths = [
      ['Deployment', 'status.conditions[type=Available].status'],
      ['Deployment', "metadata.annotations['deployment.kubernetes.io/revision']"],
      ['Deployment', 'spec.template.spec.containers[0].resources.requests.cpu'],
      ['Pod', 'metadata.labels.app'],
      ['ControllerRevision', 'data.spec.template.metadata.labels.app'],
      ['Node', 'status.capacity.pods'],
    ];
    for (const [kind, path] of paths) expect(compile([expectStep(0, { kind, name: 'x', path, equals: 1 })]).errors).toEqual([]);
  });
});
