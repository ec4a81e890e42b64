// kubectl's generic describer (describe.go genericDescriber, printUnstructuredContent and
// smartLabelFor), which `kubectl describe` uses for a kind it has no describer for: name,
// namespace, labels and annotations, then every other field of the object, sorted, with labels
// made from the field names ("apiVersion" is "API Version").

import { compareStrings } from '../../core/table.ts';
import type { KubeObject } from '../../core/objects.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { goValue } from './go-values.ts';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

type CharClass = 'lower' | 'upper' | 'digit' | 'other';

function charClass(char: string): CharClass {
  if (/\p{Ll}/u.test(char)) return 'lower';
  if (/\p{Lu}/u.test(char)) return 'upper';
  if (/\p{Nd}/u.test(char)) return 'digit';
  return 'other';
}

/**
 * fatih/camelcase Split: runs of one character class, then an upper-case run followed by a
 * lower-case one gives its last letter to the lower-case run ("APIVersion" is "API", "Version").
 */
export function camelCaseSplit(text: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const char of text) {
    const current = charClass(char);
    if (current === last) runs[runs.length - 1]?.push(char);
    else runs.push([char]);
    last = current;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const run = runs[i] as string[];
    const next = runs[i + 1] as string[];
    if (charClass(run[0] ?? '') === 'upper' && charClass(next[0] ?? '') === 'lower') next.unshift(run.pop() as string);
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(''));
}

/** smartLabelFor: field names of letters and dashes become words; any other name stays as it is. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelCaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : `${part.charAt(0).toUpperCase()}${part.slice(1)}`))
    .join(' ');
}

function isMap(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** printUnstructuredContent: maps nest a level, list items of maps print at the next level one after another. */
export function printUnstructuredContent(
  w: DescribeWriter,
  level: number,
  content: Readonly<Record<string, unknown>>,
  skipPrefix: string,
  skip: readonly string[],
): void {
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (value === undefined || skip.includes(path)) continue;
    if (isMap(value)) {
      w.line(level, `${smartLabelFor(field)}:`);
      printUnstructuredContent(w, level + 1, value, path, skip);
    } else if (Array.isArray(value)) {
      w.line(level, `${smartLabelFor(field)}:`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, path, skip);
        else w.line(level + 1, goValue(child));
      }
    } else w.line(level, `${smartLabelFor(field)}:\t${goValue(value)}`);
  }
}

const SKIPPED_FIELDS = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

export function describeUnstructured(w: DescribeWriter, object: KubeObject): void {
  w.line(0, `Name:\t${object.metadata.name}`);
  w.line(0, `Namespace:\t${object.metadata.namespace ?? ''}`);
  labelsMultiline(w, 'Labels', object.metadata.labels);
  annotationsMultiline(w, 'Annotations', object.metadata.annotations);
  printUnstructuredContent(w, 0, object, '', SKIPPED_FIELDS);
}
