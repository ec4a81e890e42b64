// The PersistentVolume controller (kube-controller-manager's persistentvolume-binder,
// pkg/controller/volume/persistentvolume): binds claims to volumes, waits with them for a
// provisioner or a first consumer, and releases and reclaims volumes whose claims are gone. Keys
// are "claim:namespace/name" and "volume:name" (keys.ts).
//
// Upstream also syncs every claim and volume again every 15 seconds (--pvclaimbinder-sync-period);
// that resync is what binds a Pending claim to a volume created after it. Here a claim left
// Pending is looked at again 15 seconds later, on a background timer (it never keeps an idle run
// going), one timer per claim at a time; the timers are the only memory this controller keeps.

import { type Controller, type Effect, type ReconcileContext, wakeInBackground } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import type { Claim, PersistentVolume } from '../../core/storage.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { claimKeyOf, parseKey, pvControllerKeysFor } from './keys.ts';
import { syncClaim } from './sync-claim.ts';
import { syncVolume } from './sync-volume.ts';
import { PV_CONTROLLER } from './writes.ts';

export { PV_CONTROLLER };
export const PV_RESYNC_PERIOD_MS = 15_000;

function stillPending(effects: readonly Effect[], claim: Claim): boolean {
  if (claim.status.phase !== 'Pending') return false;
  // A sync that binds writes the claim's Bound status; anything else leaves it waiting.
  return !effects.some((effect) => effect.kind === 'submit' && effect.command.type === 'updateStatus' && (effect.command.status as { phase?: string }).phase === 'Bound');
}

export function persistentVolumeController(): Controller<ClusterState> {
  const resyncAtMs = new Map<string, number>();

  function reconcileClaim(key: string, { state, nowMs }: ReconcileContext<ClusterState>): Effect[] {
    const claim = kindTable<Claim>(state, 'PersistentVolumeClaim').get(key);
    if (claim === undefined) return [];
    const effects = syncClaim(claim, state, nowMs);
    const timerKey = claimKeyOf(key);
    if (!stillPending(effects, claim) || resyncAtMs.has(timerKey)) return effects;
    const atMs = nowMs + PV_RESYNC_PERIOD_MS;
    resyncAtMs.set(timerKey, atMs);
    return [...effects, wakeInBackground(atMs, timerKey)];
  }

  return {
    name: PV_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(pvControllerKeysFor)),
    reconcile(key, context) {
      const due = resyncAtMs.get(key);
      if (due !== undefined && due <= context.nowMs) resyncAtMs.delete(key);
      const parsed = parseKey(key);
      if (parsed === undefined) return [];
      if (parsed.kind === 'claim') return reconcileClaim(parsed.key, context);
      const volume = kindTable<PersistentVolume>(context.state, 'PersistentVolume').get(parsed.key);
      return volume === undefined ? [] : syncVolume(volume, context.state, context.nowMs);
    },
  };
}
