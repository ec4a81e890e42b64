// An expectation's path checked against its kind's fields before the run: a path that no object
// of the kind can have (a typo, a field of another kind) would never match and read as absent,
// so it is an error that names the path and, where it can, the field meant.

import { closestWord } from '../core/edit-distance.ts';
import { type FieldType, fieldOf, type StructType } from '../kinds/schema/field-types.ts';
import type { Segment } from './field-path.ts';

function describeSegment(segment: Segment): string {
  if ('index' in segment) return `[${segment.index}]`;
  if ('field' in segment) return `[${segment.field}=${segment.equals}]`;
  return segment.key;
}

function noSuchField(kind: string, type: StructType, key: string): string {
  const nearest = closestWord(key, Object.keys(type.fields));
  return `${kind} has no field ${JSON.stringify(key)} in ${type.name}${nearest === undefined ? '' : `; did you mean ${JSON.stringify(nearest)}?`}`;
}

/** One step down the schema, or why it cannot be taken. */
function stepInto(kind: string, type: FieldType, segment: Segment): FieldType | string {
  if (type.type === 'scalar') return type.scalar === 'json' ? type : `${describeSegment(segment)}: a ${type.goType} has no fields or items`;
  if ('key' in segment) {
    if (type.type === 'map') return type.value;
    if (type.type === 'list') return `${segment.key}: a list is read by index or filter ([0], [type=Ready]), not by name`;
    return fieldOf(type, segment.key) ?? noSuchField(kind, type, segment.key);
  }
  if (type.type !== 'list') return `${describeSegment(segment)}: not a list`;
  if ('field' in segment && type.element.type === 'struct' && fieldOf(type.element, segment.field) === undefined) return noSuchField(kind, type.element, segment.field);
  return type.element;
}

/** undefined when some object of the kind could have the path; otherwise why none can. */
export function pathSchemaError(kind: string, root: StructType, segments: readonly Segment[]): string | undefined {
  let type: FieldType = root;
  for (const segment of segments) {
    const next = stepInto(kind, type, segment);
    if (typeof next === 'string') return next;
    type = next;
  }
  return undefined;
}
