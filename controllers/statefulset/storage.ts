// The claims a StatefulSet pod mounts: one PersistentVolumeClaim per volumeClaimTemplate, named
// `${template}-${set}-${ordinal}`, and the pod volumes that point at them, as upstream's
// getPersistentVolumeClaimName, getPersistentVolumeClaims, storageMatches and updateStorage
// (pkg/controller/statefulset/stateful_set_utils.go). Upstream walks a Go map of claims, so the
// order of the volumes it writes is random; we keep the order of volumeClaimTemplates.

import type { Labels } from '../../core/labels.ts';
import type { ObjectMeta, Pod, PodSpec } from '../../core/objects.ts';
import type { PersistentVolumeClaimTemplate, StatefulSet } from '../../core/workloads.ts';
import { getOrdinal } from './identity.ts';
import { withFields } from '../../core/with-fields.ts';

export interface Volume {
  readonly name: string;
  readonly persistentVolumeClaim?: { readonly claimName: string; readonly readOnly?: boolean };
  readonly [field: string]: unknown;
}

/** A claim as the controller asks for it; the API server adds uid, timestamps and status. */
export interface ClaimManifest {
  readonly apiVersion: 'v1';
  readonly kind: 'PersistentVolumeClaim';
  readonly metadata: Partial<ObjectMeta> & { readonly name: string };
  readonly spec: Readonly<Record<string, unknown>>;
}

export interface PodClaim {
  /** The volumeClaimTemplate's name, which is also the volume's name in the pod. */
  readonly templateName: string;
  readonly claim: ClaimManifest;
}

export function getPersistentVolumeClaimName(set: StatefulSet, templateName: string, ordinal: number): string {
  return `${templateName}-${set.metadata.name}-${ordinal}`;
}

export function claimTemplates(set: StatefulSet): readonly PersistentVolumeClaimTemplate[] {
  return set.spec.volumeClaimTemplates ?? [];
}

/** The names of the claims the pod with this ordinal uses, in template order. */
export function claimNamesFor(set: StatefulSet, ordinal: number): string[] {
  return claimTemplates(set).map((template) => getPersistentVolumeClaimName(set, template.metadata.name, ordinal));
}

/**
 * getPersistentVolumeClaims: each template copied under the pod's claim name in the set's
 * namespace. The selector's matchLabels are merged over the template's labels (the selector wins);
 * a template without labels takes the matchLabels as they are.
 */
export function claimsFor(set: StatefulSet, ordinal: number): PodClaim[] {
  const selectorLabels = set.spec.selector.matchLabels;
  return claimTemplates(set).map((template) => {
    const { labels: templateLabels, ...rest } = template.metadata;
    const labels: Labels | undefined =
      templateLabels === undefined ? selectorLabels : withFields(templateLabels, selectorLabels);
    const metadata = withFields(rest, {
      name: getPersistentVolumeClaimName(set, template.metadata.name, ordinal),
      ...(set.metadata.namespace === undefined ? {} : { namespace: set.metadata.namespace }),
      ...(labels === undefined ? {} : { labels }),
    });
    const claim: ClaimManifest = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: template.spec };
    return { templateName: template.metadata.name, claim };
  });
}

export function podVolumes(spec: PodSpec): readonly Volume[] {
  const volumes = spec['volumes'];
  return Array.isArray(volumes) ? (volumes as readonly Volume[]) : [];
}

/** storageMatches: every template has a volume of its name bound to the pod's claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = getOrdinal(pod);
  if (ordinal < 0) return false;
  const byName = new Map(podVolumes(pod.spec).map((volume) => [volume.name, volume]));
  return claimTemplates(set).every((template) => {
    const volume = byName.get(template.metadata.name);
    return (
      volume?.persistentVolumeClaim !== undefined &&
      volume.persistentVolumeClaim.claimName === getPersistentVolumeClaimName(set, template.metadata.name, ordinal)
    );
  });
}

/**
 * updateStorage: one claim volume per template (readOnly false, which the API leaves out), then
 * the pod's other volumes; a pod volume named like a template is replaced.
 */
export function updateStorage(set: StatefulSet, spec: PodSpec, ordinal: number): PodSpec {
  const templateNames = new Set(claimTemplates(set).map((template) => template.metadata.name));
  if (templateNames.size === 0 && spec['volumes'] === undefined) return spec;
  const claimVolumes: Volume[] = claimTemplates(set).map((template) => ({
    name: template.metadata.name,
    persistentVolumeClaim: { claimName: getPersistentVolumeClaimName(set, template.metadata.name, ordinal) },
  }));
  const kept = podVolumes(spec).filter((volume) => !templateNames.has(volume.name));
  return withFields(spec, { volumes: [...claimVolumes, ...kept] });
}
