// A state diff as readable lines, grouped by object as `kubectl diff` groups its output:
// "+ Kind namespace/name" for an object added, "- ..." for one removed, "~ ..." for one changed,
// followed by its field changes ("spec.replicas: 3 -> 5"), and the same as JSON for -o json.

import { formatDiffPath } from '../../replay/diff-path.ts';
import type { FieldChange } from '../../replay/field-diff.ts';
import type { ObjectDiff, ObjectRef, StateDiff } from '../../replay/state-diff.ts';

const MARK = { added: '+', removed: '-', changed: '~' } as const;

export function formatRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;
}

/** Strings bare where they read unambiguously (web, nginx:1.27), anything else as compact JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return value === '' || value.trim() !== value ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? 'null';
}

export function formatFieldChange(change: FieldChange): string {
  const path = formatDiffPath(change.path);
  switch (change.op) {
    case 'add':
      return `+ ${path}: ${formatValue(change.new)}`;
    case 'remove':
      return `- ${path}: ${formatValue(change.old)}`;
    case 'change':
      return `~ ${path}: ${formatValue(change.old)} -> ${formatValue(change.new)}`;
    case 'reorder':
      return `~ ${path}: order ${change.old.join(', ')} -> ${change.new.join(', ')}`;
  }
}

/** The lines of one object: its header, then (for a changed object) one indented line per field change. */
export function objectDiffLines(diff: ObjectDiff, note = ''): string[] {
  const header = `${MARK[diff.change]} ${formatRef(diff.ref)}${note}`;
  if (diff.change !== 'changed') return [header];
  return [header, ...diff.fields.map((field) => `    ${formatFieldChange(field)}`)];
}

export function diffTextLines(diff: StateDiff): string[] {
  return diff.flatMap((entry) => objectDiffLines(entry));
}

/** "3 added, 1 removed, 12 changed", or "no differences". */
export function diffSummary(diff: StateDiff): string {
  if (diff.length === 0) return 'no differences';
  const count = (change: ObjectDiff['change']) => diff.filter((entry) => entry.change === change).length;
  return `${count('added')} added, ${count('removed')} removed, ${count('changed')} changed`;
}

/** A field change as JSON, its path written as text. */
export function fieldChangeJson(change: FieldChange): Record<string, unknown> {
  const { path, ...rest } = change;
  return { ...rest, path: formatDiffPath(path) };
}

/** One entry per object: its reference, what happened to it, and the object or the field changes. */
export function objectDiffJson(diff: ObjectDiff): Record<string, unknown> {
  const base = { change: diff.change, ...diff.ref };
  switch (diff.change) {
    case 'added':
      return { ...base, object: diff.after };
    case 'removed':
      return { ...base, object: diff.before };
    case 'changed':
      return { ...base, fields: diff.fields.map(fieldChangeJson) };
  }
}
