// Builders for the StatefulSet controller's watch and sync tests: states folded through the real
// reducers (so objects carry resourceVersions and the indexes are filled), pods and revisions
// shaped as the controller itself makes them, and readers of the requests a sync asks for.

import type { KubeObject, Pod } from '../../../core/objects.ts';
import type { StatefulSet } from '../../../core/workloads.ts';
import { newStatefulSetPod } from '../../../controllers/statefulset/pod-template.ts';
import { newRevision } from '../../../controllers/statefulset/revisions.ts';
import { podFrom, type PodState, type SetOptions, statefulSet } from './builders.ts';

export const KEY = 'default/foo';

/** The set "foo" (uid "test", selector foo=bar) of the colleague's builders, as asked. */
export function set(options: SetOptions = {}): StatefulSet {
  return statefulSet(options);
}

/** The pod the set makes at `ordinal`, stored in the state it is given. */
export function memberPod(owner: StatefulSet, ordinal: number, state: PodState = {}): Pod {
  return podFrom(newStatefulSetPod(owner, ordinal), state);
}

/** The same pod with no owner at all. */
export function orphaned(pod: Pod): Pod {
  const { ownerReferences: _owners, ...metadata } = pod.metadata;
  return { ...pod, metadata };
}

/** The set's current template as a stored ControllerRevision, numbered `revision`. */
export function storedRevision(owner: StatefulSet, revision = 1, withOwner = true): KubeObject {
  const manifest = newRevision(owner, revision, 0);
  const { ownerReferences, ...metadata } = manifest.metadata;
  return {
    ...manifest,
    metadata: {
      ...metadata,
      uid: `uid-${manifest.metadata.name}`,
      creationTimestamp: '2025-01-01T00:00:00Z',
      ...(withOwner ? { ownerReferences } : {}),
    },
  } as KubeObject;
}

export { stateWith } from '../../support/reduce-events.ts';

export { commandsOf, describeCommands } from '../../support/effects.ts';
