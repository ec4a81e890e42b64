// A simulated external provisioner for every StorageClass whose provisioner is not
// kubernetes.io/no-provisioner: it acts on claims the PV controller annotated with
// volume.kubernetes.io/storage-provisioner (and, for WaitForFirstConsumer, only once the scheduler
// has set volume.kubernetes.io/selected-node), records Provisioning, and after the scenario's
// provisioning time creates the volume (volume.ts) with ProvisioningSucceeded; the PV controller
// then binds it. A provisioned volume Released under reclaim policy Delete is deleted at once.
// Keys are "claim:namespace/name" and "volume:name". The provisioning under way (claim key to the
// time it completes) is this controller's memory, as an external provisioner keeps its operations.

import { type Controller, type Effect, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, type Claim, NO_PROVISIONER, type PersistentVolume, type StorageClass } from '../../core/storage.ts';
import { kindTable, lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { eventAbout } from '../common/controller-ref.ts';
import { claimClassName } from '../common/volume-matching.ts';
import { provisionerKeysFor } from './keys.ts';
import { provisionedVolume, provisionedVolumeName } from './volume.ts';

export const PROVISIONER_CONTROLLER = 'controller/volume-provisioner';
export const DEFAULT_PROVISIONING_TIME_MS = 1000;

export interface ProvisionerOptions {
  /** How long a provisioner takes to create a volume (the scenario's storage.provisioningTime). */
  readonly provisioningTimeMs?: number;
}

interface Work {
  readonly claim: Claim;
  readonly storageClass: StorageClass;
  readonly selectedNode: string | undefined;
}

/** shouldProvision: a claim annotated for a simulated provisioner, unbound, with nothing made for it yet. */
function provisioningWork(claim: Claim | undefined, state: ClusterState): Work | undefined {
  if (claim === undefined || claim.metadata.deletionTimestamp !== undefined || (claim.spec.volumeName ?? '') !== '') return undefined;
  const annotations = claim.metadata.annotations ?? {};
  const provisioner = annotations[ANN_STORAGE_PROVISIONER];
  if (provisioner === undefined || provisioner === NO_PROVISIONER) return undefined;
  const storageClass = lookupObject<StorageClass>(state, 'StorageClass', undefined, claimClassName(claim));
  if (storageClass === undefined || storageClass.provisioner !== provisioner) return undefined;
  const selectedNode = annotations[ANN_SELECTED_NODE];
  if (storageClass.volumeBindingMode === 'WaitForFirstConsumer' && selectedNode === undefined) return undefined;
  if (lookupObject(state, 'PersistentVolume', undefined, provisionedVolumeName(claim)) !== undefined) return undefined;
  return { claim, storageClass, selectedNode };
}

function provisioned(work: Work, state: ClusterState): Effect {
  const { claim, storageClass } = work;
  const node = work.selectedNode === undefined ? undefined : state.nodes.get(work.selectedNode);
  const manifest = provisionedVolume(claim, storageClass, node);
  const record = eventAbout(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${manifest.metadata.name}`);
  return submit({ type: 'create', actor: storageClass.provisioner, manifest, record });
}

/** The volume's reclaim policy asks for its deletion and a simulated provisioner made it. */
function deletion(volume: PersistentVolume | undefined): Effect[] {
  if (volume === undefined || volume.metadata.deletionTimestamp !== undefined) return [];
  const provisioner = (volume.metadata.annotations ?? {})[ANN_PROVISIONED_BY];
  if (provisioner === undefined || provisioner === NO_PROVISIONER) return [];
  if (volume.status.phase !== 'Released' || volume.spec.persistentVolumeReclaimPolicy !== 'Delete') return [];
  return [submit({ type: 'delete', actor: provisioner, kind: 'PersistentVolume', name: volume.metadata.name, uid: volume.metadata.uid })];
}

export function volumeProvisioner(options: ProvisionerOptions = {}): Controller<ClusterState> {
  const provisioningTimeMs = options.provisioningTimeMs ?? DEFAULT_PROVISIONING_TIME_MS;
  const doneAtMs = new Map<string, number>();

  function reconcileClaim(key: string, { state, nowMs }: ReconcileContext<ClusterState>): Effect[] {
    const work = provisioningWork(kindTable<Claim>(state, 'PersistentVolumeClaim').get(key), state);
    if (work === undefined) {
      doneAtMs.delete(key);
      return [];
    }
    const dueMs = doneAtMs.get(key);
    if (dueMs === undefined) {
      doneAtMs.set(key, nowMs + provisioningTimeMs);
      const message = `External provisioner is provisioning volume for claim "${key}"`;
      const started = submit({ type: 'recordEvent', actor: work.storageClass.provisioner, event: eventAbout(work.claim, 'Normal', 'Provisioning', message) });
      return [started, wake(nowMs + provisioningTimeMs, `claim:${key}`)];
    }
    if (nowMs < dueMs) return [];
    doneAtMs.delete(key);
    return [provisioned(work, state)];
  }

  return {
    name: PROVISIONER_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(provisionerKeysFor)),
    reconcile(key, context) {
      if (key.startsWith('claim:')) return reconcileClaim(key.slice('claim:'.length), context);
      if (key.startsWith('volume:')) return deletion(kindTable<PersistentVolume>(context.state, 'PersistentVolume').get(key.slice('volume:'.length)));
      return [];
    },
  };
}
