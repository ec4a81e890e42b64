// Builders for the DaemonSet controller's watch and sync tests: states folded through the real
// reducers (so objects carry resourceVersions and the indexes are filled), pods and revisions
// owned as the controller makes them, and readers of the requests a sync asks for.

import { controllerRef } from '../../../controllers/common/controller-ref.ts';
import type { Effect } from '../../../core/controller.ts';
import type { KubeObject, Pod } from '../../../core/objects.ts';
import type { DaemonSet } from '../../../core/workloads.ts';
import { daemonPod, type PodOptions } from './builders.ts';

export const KEY = 'default/foo';

/** A daemon pod controlled by `ds`. */
export function ownedPod(ds: DaemonSet, name: string, options: PodOptions = {}): Pod {
  const pod = daemonPod(name, options);
  return { ...pod, metadata: { ...pod.metadata, ownerReferences: [controllerRef(ds)] } };
}

/** A ControllerRevision in "default" with these labels, data and owner. */
export function revisionObject(name: string, labels: Readonly<Record<string, string>>, data: unknown, owner?: DaemonSet): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels,
      ...(owner === undefined ? {} : { ownerReferences: [controllerRef(owner)] }),
    },
    data,
    revision: 1,
  } as KubeObject;
}

export function wakesOf(effects: readonly Effect[]): number[] {
  return effects.flatMap((effect) => (effect.kind === 'wake' ? [effect.atMs] : []));
}

export { stateWith } from '../../support/reduce-events.ts';

export { commandsOf, describeCommands } from '../../support/effects.ts';
