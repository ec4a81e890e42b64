// Field paths in expectations, a small part of kubectl's JSONPath: `status.readyReplicas`,
// `spec.template.spec.containers[0].image`, a quoted key for names with dots
// (`metadata.annotations['deployment.kubernetes.io/revision']`), and a filter that picks the first
// list element whose field has a value (`status.conditions[type=Available].status`).

export type Segment = { readonly key: string } | { readonly index: number } | { readonly field: string; readonly equals: string };

const BRACKET = /^\[(?:(\d+)|'([^']*)'|"([^"]*)"|([^=\]]+)=([^\]]*))\]/;
const NAME = /^[^.[\]]+/;

/** The path's segments, or a message naming the character where it stops making sense. */
export function parseFieldPath(path: string): Segment[] | string {
  const segments: Segment[] = [];
  let rest = path;
  while (rest !== '') {
    if (rest.startsWith('.')) rest = rest.slice(1);
    const bracket = BRACKET.exec(rest);
    if (bracket !== null) {
      const [whole, index, single, double, field, equals] = bracket;
      if (index !== undefined) segments.push({ index: Number(index) });
      else if (field !== undefined) segments.push({ field: field.trim(), equals: (equals ?? '').trim() });
      else segments.push({ key: single ?? double ?? '' });
      rest = rest.slice(whole.length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name === null) return `unexpected ${JSON.stringify(rest[0])} at ${JSON.stringify(path.slice(0, path.length - rest.length))}`;
    segments.push({ key: name[0] });
    rest = rest.slice(name[0].length);
  }
  return segments.length === 0 ? 'an empty path' : segments;
}

function step(value: unknown, segment: Segment): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if ('index' in segment) return Array.isArray(value) ? value[segment.index] : undefined;
  if ('field' in segment) {
    if (!Array.isArray(value)) return undefined;
    return value.find((item: unknown) => item !== null && typeof item === 'object' && String((item as Record<string, unknown>)[segment.field]) === segment.equals);
  }
  return Array.isArray(value) ? undefined : (value as Record<string, unknown>)[segment.key];
}

/** The value at a parsed path; undefined when any step is missing. */
export function valueAtSegments(object: unknown, segments: readonly Segment[]): unknown {
  let current = object;
  for (const segment of segments) current = step(current, segment);
  return current;
}
