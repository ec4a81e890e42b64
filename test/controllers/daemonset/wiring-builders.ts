// Builders for the DaemonSet controller's watch and sync tests: states folded through the real
// reducers (so objects carry resourceVersions and the indexes are filled), pods and revisions
// owned as the controller makes them, and readers of the requests a sync asks for.

import { controllerRef } from '../../../controllers/common/controller-ref.ts';
import type { Command } from '../../../core/commands.ts';
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

export function commandsOf(effects: readonly Effect[]): Command[] {
  return effects.flatMap((effect) => (effect.kind === 'submit' ? [effect.command] : []));
}

/** "type Kind/name" for each request, to read a sync's calls in order. */
export function describeCommands(effects: readonly Effect[]): string[] {
  return commandsOf(effects).map((command) => {
    switch (command.type) {
      case 'create': {
        const manifest = command.manifest as KubeObject;
        return `create ${manifest.kind}/${manifest.metadata.name ?? manifest.metadata.generateName ?? ''}`;
      }
      case 'recordEvent':
        return `recordEvent ${command.event.reason}`;
      case 'patch':
      case 'updateStatus':
      case 'delete':
      case 'adopt':
      case 'release':
        return `${command.type} ${command.kind}/${command.name}`;
      default:
        return command.type;
    }
  });
}

export function wakesOf(effects: readonly Effect[]): number[] {
  return effects.flatMap((effect) => (effect.kind === 'wake' ? [effect.atMs] : []));
}

export { stateWith } from '../../support/reduce-events.ts';
