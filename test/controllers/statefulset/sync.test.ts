// One StatefulSet sync as requests, as upstream's sync, adoptOrphanRevisions,
// getPodsForStatefulSet and syncStatefulSet (pkg/controller/statefulset/stateful_set.go) make
// them: orphan revisions adopted, pods claimed by selector and name, then the plan's calls in
// order with their Events, the failed sync when the plan carries an error, and the requeues.

import { describe, expect, it } from 'vitest';
import { syncStatefulSet } from '../../../controllers/statefulset/sync.ts';
import { toTimestamp } from '../../../core/clock.ts';
import type { Command } from '../../../core/commands.ts';
import { contextAt } from '../../support/reduce-events.ts';
import { claim } from './builders.ts';
import { commandsOf, describeCommands, KEY, memberPod, orphaned, set, stateWith, storedRevision } from './wiring-builders.ts';

const foo = set({ replicas: 1 });

function find<T extends Command['type']>(commands: readonly Command[], type: T): Extract<Command, { type: T }> | undefined {
  return commands.find((command): command is Extract<Command, { type: T }> => command.type === type);
}

describe('StatefulSet sync: requests in order', () => {
  it('creates the revision, the claim, the pod, then writes the status', () => {
    expect(describeCommands(syncStatefulSet(KEY, contextAt(stateWith(foo))))).toEqual([
      `create ControllerRevision/${storedRevision(foo).metadata.name}`,
      'create PersistentVolumeClaim/datadir-foo-0',
      'create Pod/foo-0',
      'updateStatus StatefulSet/foo',
    ]);
  });

  it('records SuccessfulCreate on admission and FailedCreate with the refusal otherwise', () => {
    const create = commandsOf(syncStatefulSet(KEY, contextAt(stateWith(foo, storedRevision(foo), claim('datadir-foo-0')))))[0];
    expect(create?.type === 'create' ? [create.record?.message, create.recordOnRefusal?.message] : []).toEqual([
      'create Pod foo-0 in StatefulSet foo successful',
      'create Pod foo-0 in StatefulSet foo failed error: {error}',
    ]);
  });

  it('deletes a condemned pod with its uid as precondition', () => {
    const scaledDown = set({ replicas: 0, status: { replicas: 1 } });
    const state = stateWith(scaledDown, storedRevision(scaledDown), memberPod(scaledDown, 0, { readySinceMs: 0 }));
    const remove = find(commandsOf(syncStatefulSet(KEY, contextAt(state))), 'delete');
    expect([remove?.name, remove?.uid, remove?.record?.reason]).toEqual(['foo-0', 'uid-foo-0', 'SuccessfulDelete']);
  });

  it('deletes the oldest revisions past revisionHistoryLimit last', () => {
    const limited = set({ replicas: 0, spec: { revisionHistoryLimit: 0 } });
    const old = { ...storedRevision(set({ replicas: 0 }), 1), metadata: { ...storedRevision(foo).metadata, name: 'foo-old', labels: { foo: 'bar' } } };
    const effects = syncStatefulSet(KEY, contextAt(stateWith(limited, old, storedRevision(limited, 2))));
    expect(describeCommands(effects).at(-1)).toBe('delete ControllerRevision/foo-old');
  });
});

describe('StatefulSet sync: adoption and claims', () => {
  it('adopts an orphan revision the selector matches first, and reuses it instead of creating one', () => {
    const orphan = storedRevision(foo, 1, false);
    const lines = describeCommands(syncStatefulSet(KEY, contextAt(stateWith(foo, orphan))));
    expect([lines[0], lines.filter((line) => line.startsWith('create ControllerRevision'))]).toEqual([`adopt ControllerRevision/${orphan.metadata.name}`, []]);
  });

  it('fails without a request while a set being deleted still has orphan revisions to adopt', () => {
    const deleting = { ...foo, metadata: { ...foo.metadata, deletionTimestamp: toTimestamp(0) } };
    const effects = syncStatefulSet(KEY, contextAt(stateWith(deleting, storedRevision(foo, 1, false))));
    expect(effects.map((effect) => effect.kind)).toEqual(['fail']);
  });

  it('adopts an orphan named as a member, and leaves one with a foreign name', () => {
    const member = orphaned(memberPod(foo, 0));
    const stranger = { ...member, metadata: { ...member.metadata, name: 'other-0', uid: 'uid-other-0' } };
    const lines = describeCommands(syncStatefulSet(KEY, contextAt(stateWith(foo, storedRevision(foo), member, stranger))));
    expect(lines.filter((line) => line.startsWith('adopt'))).toEqual(['adopt Pod/foo-0']);
  });

  it('releases an owned pod whose labels no longer match the selector', () => {
    const pod = memberPod(foo, 0);
    const relabelled = { ...pod, metadata: { ...pod.metadata, labels: { app: 'gone' } } };
    const lines = describeCommands(syncStatefulSet(KEY, contextAt(stateWith(foo, storedRevision(foo), relabelled))));
    expect(lines.filter((line) => line.startsWith('release'))).toEqual(['release Pod/foo-0']);
  });
});

describe('StatefulSet sync: failures and requeues', () => {
  it('fails the sync with the plan error, after recording the FailedCreate warning', () => {
    const doomed = claim('datadir-foo-0', { deletionTimestamp: toTimestamp(0) });
    const effects = syncStatefulSet(KEY, contextAt(stateWith(foo, storedRevision(foo), doomed)));
    const failed = effects.find((effect) => effect.kind === 'fail');
    expect([describeCommands(effects), failed?.kind === 'fail' ? failed.reason : '']).toEqual([
      ['recordEvent FailedCreate', 'updateStatus StatefulSet/foo'],
      'pvc datadir-foo-0 is being deleted',
    ]);
  });

  it('wakes minReadySeconds + 1 s after a pod turned ready, and minReadySeconds after the sync while replicas are unavailable', () => {
    const slow = set({ replicas: 2, spec: { minReadySeconds: 10 } });
    const state = stateWith(slow, storedRevision(slow), claim('datadir-foo-0'), memberPod(slow, 0, { readySinceMs: 0 }));
    const wakes = syncStatefulSet(KEY, contextAt(state, 5000)).flatMap((effect) => (effect.kind === 'wake' ? [effect.atMs] : []));
    expect(wakes.sort((a, b) => a - b)).toEqual([11_000, 15_000]);
  });
});
