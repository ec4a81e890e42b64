import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import { formatDiffPath } from '../../replay/diff-path.ts';
import { objectHistory } from '../../replay/object-history.ts';
import { applyDiff, clusterObjects, diffStates, type StateDiff } from '../../replay/state-diff.ts';
import { clusterTimeline } from '../../replay/timeline.ts';
import { logOf } from '../cli/helpers.ts';
import { namespaceObject, nodeObject, podObject, replicaSetObject } from './builders.ts';

const web = replicaSetObject('web', 3);
/** The ReplicaSet as scaled, with a new label. */
const relabelled = { ...web, metadata: { ...web.metadata, generation: 2, labels: { app: 'api' } }, spec: { ...web.spec, replicas: 5 } };

function events(): KsimEvent[] {
  return logOf([
    [0, 'scenario', { type: 'object/created', object: namespaceObject('default') }],
    [0, 'kubelet/node-1', { type: 'node/joined', object: nodeObject('node-1') }],
    [0, 'user', { type: 'object/created', object: web }],
    [0, 'controller/replicaset', { type: 'pod/created', object: podObject('web-a', { owner: web }) }],
    [0, 'controller/replicaset', { type: 'pod/created', object: podObject('web-b', { owner: web }) }],
    [1000, 'user', { type: 'object/scaled', kind: 'ReplicaSet', namespace: 'default', name: 'web', replicas: 5 }],
    [2000, 'kube-scheduler', { type: 'pod/bound', namespace: 'default', name: 'web-a', nodeName: 'node-1' }],
    [3000, 'user', { type: 'pod/deleted', namespace: 'default', name: 'web-b' }],
    [4000, 'user', { type: 'object/updated', object: relabelled }],
    [5000, 'controller/replicaset', { type: 'pod/created', object: podObject('web-c', { owner: web, namespace: 'other' }) }],
  ]);
}

/** "~ Kind ns/name: path, path" per object: what changed, without the values. */
function summary(diff: StateDiff): string[] {
  return diff.map((entry) => {
    const name = `${entry.ref.kind} ${entry.ref.namespace ?? ''}/${entry.ref.name}`;
    if (entry.change !== 'changed') return `${entry.change} ${name}`;
    return `changed ${name}: ${entry.fields.map((field) => formatDiffPath(field.path)).join(', ')}`;
  });
}

describe('diffStates', () => {
  const timeline = clusterTimeline(events());
  const at = (rev: number) => timeline.stateAt({ rev });

  it('lists every object of the cluster as added from the empty state', () => {
    expect(summary(diffStates(at(0), at(5)))).toEqual([
      'added Namespace /default',
      'added Node /node-1',
      'added Pod default/web-a',
      'added Pod default/web-b',
      'added ReplicaSet default/web',
    ]);
  });

  it('tells a scale, a binding, a deletion and a relabelling by object and field', () => {
    const diff = diffStates(at(5), at(10));
    expect(summary(diff)).toEqual([
      'changed Pod default/web-a: metadata.resourceVersion, spec.nodeName, status.conditions',
      'removed Pod default/web-b',
      'added Pod other/web-c',
      'changed ReplicaSet default/web: metadata.generation, metadata.labels.app, metadata.resourceVersion, spec.replicas',
    ]);
    const replicaSet = diff.find((entry) => entry.ref.kind === 'ReplicaSet');
    expect(replicaSet?.change === 'changed' ? replicaSet.fields.find((field) => field.path.join('.') === 'spec.replicas') : undefined).toEqual({
      op: 'change',
      path: ['spec', 'replicas'],
      old: 3,
      new: 5,
    });
  });

  it('narrows to the kinds, the namespace and the name asked for', () => {
    expect(summary(diffStates(at(5), at(10), { kinds: ['Pod'], namespace: 'default' }))).toEqual([
      'changed Pod default/web-a: metadata.resourceVersion, spec.nodeName, status.conditions',
      'removed Pod default/web-b',
    ]);
    expect(summary(diffStates(at(5), at(10), { kinds: ['Pod'], name: 'web-c' }))).toEqual(['added Pod other/web-c']);
  });

  it('reports nothing between a state and itself', () => {
    expect(diffStates(at(7), at(7))).toEqual([]);
  });

  it('rebuilds the later objects when applied to the earlier ones', () => {
    for (const [from, to] of [[0, 10], [3, 6], [5, 10], [8, 9]] as const) {
      const rebuilt = applyDiff(clusterObjects(at(from)), diffStates(at(from), at(to)));
      expect(JSON.parse(JSON.stringify([...rebuilt]))).toEqual(JSON.parse(JSON.stringify([...clusterObjects(at(to))])));
    }
  });
});

describe('objectHistory', () => {
  it('lists the revisions at which the object was created, changed and deleted, with the actor', () => {
    const history = objectHistory(events(), { kind: 'Pod', namespace: 'default', name: 'web-b' });
    expect(history.map(({ rev, actor, change }) => ({ rev, actor, change }))).toEqual([
      { rev: 5, actor: 'controller/replicaset', change: 'created' },
      { rev: 8, actor: 'user', change: 'deleted' },
    ]);
  });

  it('names the fields each change touched, leaving out the resourceVersion every write moves', () => {
    const history = objectHistory(events(), { kind: 'ReplicaSet', namespace: 'default', name: 'web' });
    expect(history.map((entry) => [entry.rev, entry.type, entry.fields.map((field) => formatDiffPath(field.path))])).toEqual([
      [3, 'object/created', []],
      [6, 'object/scaled', ['metadata.generation', 'spec.replicas']],
      [9, 'object/updated', ['metadata.labels.app']],
    ]);
  });

  it('is empty for an object the log never had', () => {
    expect(objectHistory(events(), { kind: 'Pod', namespace: 'default', name: 'nope' })).toEqual([]);
  });
});
