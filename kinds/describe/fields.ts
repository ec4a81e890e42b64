// Multi-line fields shared by the describers, as describe.go prints them: labels, annotations,
// taints and tolerations, one per line under a title, aligned in the title's column.

import type { Labels } from '../../core/labels.ts';
import type { Condition, Taint, Toleration } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import type { DescribeWriter } from './describe-writer.ts';

/** Shown elsewhere, or too long to be worth a line (describe.go skipAnnotations). */
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LENGTH = 140;

function titledLines(w: DescribeWriter, title: string, values: readonly string[]): void {
  if (values.length === 0) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  values.forEach((value, i) => {
    w.line(0, i === 0 ? `${title}:\t${value}` : `\t${value}`);
  });
}

export function labelsMultiline(w: DescribeWriter, title: string, labels: Labels | undefined): void {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  titledLines(
    w,
    title,
    keys.map((key) => `${key}=${labels?.[key]}`),
  );
}

function shorten(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength)}...` : text;
}

/** Long or multi-line values go under their key, indented and cut at 140 characters. */
export function annotationsMultiline(
  w: DescribeWriter,
  title: string,
  annotations: Labels | undefined,
): void {
  const keys = Object.keys(annotations ?? {})
    .filter((key) => !SKIPPED_ANNOTATIONS.has(key))
    .sort(compareStrings);
  if (keys.length === 0) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  keys.forEach((key, i) => {
    const lead = i === 0 ? `${title}:\t` : '\t';
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 <= MAX_ANNOTATION_LENGTH && !value.includes('\n')) {
      w.line(0, `${lead}${key}: ${value}`);
      return;
    }
    w.line(0, `${lead}${key}:`);
    for (const part of value.split('\n')) w.line(0, `\t  ${shorten(part, MAX_ANNOTATION_LENGTH - 2)}`);
  });
}

/** core/v1 Taint.ToString: "key=value:effect", or "key:effect" without a value. */
function taintText(taint: Taint): string {
  return taint.value === undefined || taint.value === ''
    ? `${taint.key}:${taint.effect}`
    : `${taint.key}=${taint.value}:${taint.effect}`;
}

export function taintsMultiline(
  w: DescribeWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  const sorted = [...(taints ?? [])].sort((a, b) =>
    compareStrings(`${a.effect},${a.key}`, `${b.effect},${b.key}`),
  );
  titledLines(w, title, sorted.map(taintText));
}

function tolerationText(toleration: Toleration): string {
  let text = toleration.key ?? '';
  if (toleration.value !== undefined && toleration.value !== '') text += `=${toleration.value}`;
  if (toleration.effect !== undefined) text += `:${toleration.effect}`;
  // An Exists toleration without a value tolerates every value (or, with no key, every taint).
  if (toleration.operator === 'Exists' && (toleration.value ?? '') === '') {
    text += (toleration.key ?? '') !== '' || toleration.effect !== undefined ? ' op=Exists' : 'op=Exists';
  }
  if (toleration.tolerationSeconds !== undefined) text += ` for ${toleration.tolerationSeconds}s`;
  return text;
}

export function tolerationsMultiline(
  w: DescribeWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  const sorted = [...(tolerations ?? [])].sort((a, b) => compareStrings(a.key ?? '', b.key ?? ''));
  titledLines(w, title, sorted.map(tolerationText));
}

/** The Type/Status/Reason table of ReplicaSet (and Deployment) conditions. */
export function conditionsWithReason(w: DescribeWriter, conditions: readonly Condition[] | undefined): void {
  if (conditions === undefined || conditions.length === 0) return;
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus\tReason');
  w.line(1, '----\t------\t------');
  for (const condition of conditions)
    w.line(1, `${condition.type} \t${condition.status}\t${condition.reason ?? ''}`);
}
