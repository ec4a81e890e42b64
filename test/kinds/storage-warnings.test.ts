// The storage fields ksim stores without acting on them are named in the story's warnings.

import { describe, expect, it } from 'vitest';
import { kindDefinition } from '../../kinds/registry.ts';
import type { KubeObject } from '../../core/objects.ts';

const metadata = { name: 'x', uid: 'u', creationTimestamp: '2025-01-01T00:00:00Z' };

describe('storage warnings', () => {
  it('names a class\'s allowedTopologies and volume expansion', () => {
    const storageClass = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata, provisioner: 'example.com/disk', allowVolumeExpansion: true, allowedTopologies: [] } as KubeObject;
    expect(kindDefinition('StorageClass')?.warnings?.(storageClass)).toEqual([
      'allowedTopologies is not simulated: provisioned volumes follow the selected node only',
      'allowVolumeExpansion is not simulated: claims are never resized',
    ]);
  });

  it('names a claim\'s data source, and nothing for a plain claim', () => {
    const definition = kindDefinition('PersistentVolumeClaim');
    const claim = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec, status: { phase: 'Pending' } }) as KubeObject;
    expect(definition?.warnings?.(claim({ dataSource: { kind: 'VolumeSnapshot', name: 's' } }))).toEqual(['spec.dataSource is not simulated: a provisioned volume starts empty']);
    expect(definition?.warnings?.(claim({ accessModes: ['ReadWriteOnce'] }))).toEqual([]);
  });
});
