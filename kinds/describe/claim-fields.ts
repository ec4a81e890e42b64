// Fields of PersistentVolumeClaims (and StatefulSet claim templates) as kubectl prints them:
// kubectl's storage util (GetPersistentVolumeClaimClass, GetAccessModesAsString) and the
// indented label lists of claim templates.

import type { Labels } from '../../core/labels.ts';
import { compareStrings } from '../../core/table.ts';
import type { DescribeWriter } from './describe-writer.ts';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

export interface ClaimLike {
  readonly metadata?: { readonly annotations?: Labels };
  readonly spec?: Readonly<Record<string, unknown>>;
}

/** GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName, else "". */
export function claimStorageClass(claim: ClaimLike): string {
  const annotations = claim.metadata?.annotations ?? {};
  if (Object.hasOwn(annotations, BETA_STORAGE_CLASS_ANNOTATION)) return annotations[BETA_STORAGE_CLASS_ANNOTATION] ?? '';
  const name = claim.spec?.storageClassName;
  return typeof name === 'string' ? name : '';
}

export function stringList(value: unknown): readonly string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** GetAccessModesAsString: the modes present, always in the order RWO, ROX, RWX, RWOP. */
export function accessModesText(modes: readonly string[]): string {
  const abbreviations: readonly (readonly [string, string])[] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return abbreviations
    .filter(([mode]) => modes.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/**
 * printLabelsMultilineWithIndent: like labelsMultiline, with an indent before the title and
 * before every further line (the claim templates of a StatefulSet print their labels and
 * annotations this way, both as key=value).
 */
export function labelsWithIndent(w: DescribeWriter, indent: string, title: string, labels: Labels | undefined): void {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) {
    w.line(0, `${indent}${title}:\t<none>`);
    return;
  }
  keys.forEach((key, i) => {
    w.line(0, `${i === 0 ? `${indent}${title}:` : indent}\t${key}=${labels?.[key] ?? ''}`);
  });
}
