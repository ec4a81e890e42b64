// What the PV controller looks at for each change (its informers' handlers in
// pv_controller_base.go): a claim that changes is synced, and so is the volume it was bound to
// when it goes; a volume that changes is synced, and so is the claim it names; a new or changed
// StorageClass brings back the Pending claims of its class. Keys are "claim:namespace/name" and
// "volume:name".

import type { Change } from '../../core/controller.ts';
import type { KsimEvent } from '../../core/events.ts';
import { objectKey } from '../../core/objects.ts';
import type { Claim, PersistentVolume } from '../../core/storage.ts';
import { kindTable, listObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimClassName } from '../common/volume-matching.ts';

const CLAIM = 'claim:';
const VOLUME = 'volume:';

export const claimKeyOf = (key: string): string => `${CLAIM}${key}`;
export const volumeKeyOf = (name: string): string => `${VOLUME}${name}`;

export type ParsedKey = { readonly kind: 'claim' | 'volume'; readonly key: string };

export function parseKey(key: string): ParsedKey | undefined {
  if (key.startsWith(CLAIM)) return { kind: 'claim', key: key.slice(CLAIM.length) };
  if (key.startsWith(VOLUME)) return { kind: 'volume', key: key.slice(VOLUME.length) };
  return undefined;
}

/** The kind and table key an object event is about, for the three kinds this controller reads. */
export function storageObjectOf(event: KsimEvent): { readonly kind: string; readonly key: string } | undefined {
  switch (event.type) {
    case 'object/created':
    case 'object/updated':
      return { kind: event.object.kind, key: objectKey(event.object.metadata.namespace, event.object.metadata.name) };
    case 'object/statusUpdated':
    case 'object/deletionRequested':
    case 'object/deleted':
    case 'object/adopted':
    case 'object/released':
      return { kind: event.kind, key: objectKey(event.namespace, event.name) };
    default:
      return undefined;
  }
}

function claimKeys(change: Change<ClusterState>, key: string): string[] {
  const before = kindTable<Claim>(change.before, 'PersistentVolumeClaim').get(key);
  const after = kindTable<Claim>(change.after, 'PersistentVolumeClaim').get(key);
  if (after !== undefined) return [claimKeyOf(key)];
  const volumeName = before?.spec.volumeName ?? '';
  return volumeName === '' ? [] : [volumeKeyOf(volumeName)];
}

function volumeKeys(change: Change<ClusterState>, name: string): string[] {
  const volume = kindTable<PersistentVolume>(change.after, 'PersistentVolume').get(name) ?? kindTable<PersistentVolume>(change.before, 'PersistentVolume').get(name);
  const ref = volume?.spec.claimRef;
  const claim = ref?.name === undefined ? [] : [claimKeyOf(objectKey(ref.namespace ?? '', ref.name))];
  return kindTable(change.after, 'PersistentVolume').has(name) ? [volumeKeyOf(name), ...claim] : claim;
}

function classKeys(change: Change<ClusterState>, name: string): string[] {
  if (!kindTable(change.after, 'StorageClass').has(name)) return [];
  return listObjects<Claim>(change.after, 'PersistentVolumeClaim')
    .filter((claim) => claim.status.phase === 'Pending' && claimClassName(claim) === name)
    .map((claim) => claimKeyOf(objectKey(claim.metadata.namespace, claim.metadata.name)));
}

export function pvControllerKeysFor(change: Change<ClusterState>): string[] {
  const object = storageObjectOf(change.event);
  if (object === undefined) return [];
  switch (object.kind) {
    case 'PersistentVolumeClaim':
      return claimKeys(change, object.key);
    case 'PersistentVolume':
      return volumeKeys(change, object.key);
    case 'StorageClass':
      return classKeys(change, object.key);
    default:
      return [];
  }
}
