// The DefaultStorageClass admission plugin (plugin/pkg/admission/storage/storageclass/setdefault)
// and the default class lookup it shares with `kubectl get sc` (GetDefaultClass in
// pkg/volume/util): a new claim that names no class (storageClassName absent, not "") gets the
// class annotated storageclass.kubernetes.io/is-default-class: "true", or the beta annotation.
// With several defaults the newest wins, then the first by name, as upstream sorts them.

import type { Claim, StorageClass } from '../../core/storage.ts';
import { ANN_DEFAULT_STORAGE_CLASS } from '../../core/storage.ts';
import { withFields } from '../../core/with-fields.ts';
import { listObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Admitted } from '../definition.ts';
import { isRecord } from '../validation/workload.ts';

const BETA_DEFAULT_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

/** IsDefaultAnnotation: either annotation, "true" exactly. */
export function isDefaultClass(storageClass: StorageClass): boolean {
  const annotations = storageClass.metadata.annotations ?? {};
  return annotations[ANN_DEFAULT_STORAGE_CLASS] === 'true' || annotations[BETA_DEFAULT_ANNOTATION] === 'true';
}

/** The class a claim without one gets, if any class is marked default. */
export function defaultStorageClass(state: ClusterState): StorageClass | undefined {
  let chosen: StorageClass | undefined;
  for (const candidate of listObjects<StorageClass>(state, 'StorageClass')) {
    if (!isDefaultClass(candidate)) continue;
    // The list is sorted by name, so only a strictly newer class replaces the one chosen.
    if (chosen === undefined || candidate.metadata.creationTimestamp > chosen.metadata.creationTimestamp) chosen = candidate;
  }
  return chosen;
}

export function admitClaimStorageClass(claim: Claim, state: ClusterState): Admitted<Claim> {
  const spec: unknown = claim.spec;
  // A malformed spec passes untouched; validation refuses it next.
  if (!isRecord(spec) || spec.storageClassName !== undefined) return { object: claim };
  const chosen = defaultStorageClass(state);
  if (chosen === undefined) return { object: claim };
  return { object: withFields(claim, { spec: withFields(claim.spec, { storageClassName: chosen.metadata.name }) }) };
}
