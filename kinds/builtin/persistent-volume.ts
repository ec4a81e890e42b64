// PersistentVolumes (core/v1, cluster-scoped): a piece of storage a claim can bind. Defaulting
// (SetDefaults_PersistentVolume) gives reclaim policy Retain and volume mode Filesystem; a new
// volume is Pending (the REST strategy's PrepareForCreate) until the PV controller makes it
// Available, and only the PV controller moves its phase after that, through the status subresource.

import type { PersistentVolume } from '../../core/storage.ts';
import { withFields } from '../../core/with-fields.ts';
import type { KindDefinition } from '../definition.ts';
import { describePersistentVolume } from '../describe/storage.ts';
import { persistentVolumeHeaders, persistentVolumeRow } from '../printers/storage.ts';
import { PERSISTENT_VOLUME_FIELDS } from '../schema/storage.ts';
import { validatePersistentVolume, validatePersistentVolumeUpdate } from '../validation/persistent-volume.ts';
import { isRecord } from '../validation/workload.ts';

function withDefaults(volume: PersistentVolume): PersistentVolume {
  const spec: unknown = volume.spec;
  if (!isRecord(spec)) return volume;
  return withFields(volume, {
    spec: withFields(volume.spec, {
      persistentVolumeReclaimPolicy: volume.spec.persistentVolumeReclaimPolicy ?? 'Retain',
      volumeMode: volume.spec.volumeMode ?? 'Filesystem',
    }),
  });
}

export const PERSISTENT_VOLUME: KindDefinition<PersistentVolume> = {
  kind: 'PersistentVolume',
  group: '',
  version: 'v1',
  plural: 'persistentvolumes',
  shortNames: ['pv'],
  namespaced: false,
  fields: PERSISTENT_VOLUME_FIELDS,
  generation: false,
  statusSubresource: true,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(given) {
    const volume = withFields(withDefaults(given), { status: { phase: 'Pending' as const } });
    const errors = validatePersistentVolume(volume);
    return errors.length > 0 ? { errors } : { object: volume };
  },
  prepareForUpdate(given, current) {
    const next = withDefaults(given);
    const errors = validatePersistentVolumeUpdate(next, current);
    return errors.length > 0 ? { errors } : { object: next };
  },
  printer: { headers: persistentVolumeHeaders, row: (volume, wide, { nowMs }) => persistentVolumeRow(volume, wide, nowMs) },
  describe: (w, volume) => describePersistentVolume(w, volume),
  tellStatus: (status) => (isRecord(status) && typeof status.phase === 'string' ? status.phase : ''),
};
