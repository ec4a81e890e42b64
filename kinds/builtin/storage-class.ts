// StorageClasses (storage.k8s.io/v1, cluster-scoped): how claims of a class get their volumes.
// SetDefaults_StorageClass gives reclaimPolicy Delete and volumeBindingMode Immediate; the
// simulated provisioner (controllers/persistentvolume/) acts for every provisioner name except
// kubernetes.io/no-provisioner.

import type { StorageClass } from '../../core/storage.ts';
import { withFields } from '../../core/with-fields.ts';
import type { KindDefinition } from '../definition.ts';
import { describeStorageClass } from '../describe/storage.ts';
import { storageClassHeaders, storageClassRow } from '../printers/storage.ts';
import { STORAGE_CLASS_FIELDS } from '../schema/storage.ts';
import { validateStorageClass, validateStorageClassUpdate } from '../validation/storage-class.ts';

function withDefaults(storageClass: StorageClass): StorageClass {
  return withFields(storageClass, {
    reclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
    volumeBindingMode: storageClass.volumeBindingMode ?? 'Immediate',
  });
}

export const STORAGE_CLASS: KindDefinition<StorageClass> = {
  kind: 'StorageClass',
  group: 'storage.k8s.io',
  version: 'v1',
  plural: 'storageclasses',
  shortNames: ['sc'],
  namespaced: false,
  fields: STORAGE_CLASS_FIELDS,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(given) {
    const storageClass = withDefaults(given);
    const errors = validateStorageClass(storageClass);
    return errors.length > 0 ? { errors } : { object: storageClass };
  },
  prepareForUpdate(given, current) {
    const next = withDefaults(given);
    const errors = validateStorageClassUpdate(next, current);
    return errors.length > 0 ? { errors } : { object: next };
  },
  printer: { headers: storageClassHeaders, row: (storageClass, _wide, { nowMs }) => storageClassRow(storageClass, nowMs) },
  describe: (w, storageClass) => describeStorageClass(w, storageClass),
  warnings: (storageClass) => [
    ...(Array.isArray(storageClass.allowedTopologies) ? ['allowedTopologies is not simulated: provisioned volumes follow the selected node only'] : []),
    ...(storageClass.allowVolumeExpansion === true ? ['allowVolumeExpansion is not simulated: claims are never resized'] : []),
  ],
};
