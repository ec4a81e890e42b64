// `-o json` and `-o yaml` as kubectl prints them. kubectl prints objects it read as unstructured
// maps, so keys come out sorted at every level; a list is wrapped in a v1 List with an empty
// resourceVersion. JSON is indented by four spaces (json.MarshalIndent in the JSON printer) and
// YAML follows go-yaml: sequences not indented under their key, strings that YAML 1.1 would read
// as something else (true, yes, timestamps, numbers) quoted.

import { stringify } from 'yaml';
import type { KubeObject } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareStrings)) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) sorted[key] = sortKeys(field);
  }
  return sorted;
}

export function listOf(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

export function printJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 4)}\n`;
}

export function printYaml(value: unknown): string {
  return stringify(sortKeys(value), { version: '1.1', indentSeq: false, lineWidth: 0 });
}
