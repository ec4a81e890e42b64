// Where in an object a change is: field names, list indexes, and items of keyed lists named by
// their merge key. Written in the path syntax scenario expectations read
// (`spec.template.spec.containers[name=app].image`,
// `metadata.annotations['deployment.kubernetes.io/revision']`), so a path a diff prints can be
// pasted into an `expect`.

/** An item of a keyed list: the one whose `key` field holds `value`. */
export interface ItemSegment {
  readonly key: string;
  readonly value: string | number;
}

export type PathSegment = string | number | ItemSegment;

export type DiffPath = readonly PathSegment[];

/** A field name that reads unambiguously after a dot; anything else is quoted. */
const PLAIN_FIELD = /^[A-Za-z_$][\w$-]*$/;

function formatSegment(segment: PathSegment, first: boolean): string {
  if (typeof segment === 'number') return `[${segment}]`;
  if (typeof segment === 'object') return `[${segment.key}=${segment.value}]`;
  if (PLAIN_FIELD.test(segment)) return first ? segment : `.${segment}`;
  return segment.includes("'") ? `[${JSON.stringify(segment)}]` : `['${segment}']`;
}

export function formatDiffPath(path: DiffPath): string {
  return path.map((segment, index) => formatSegment(segment, index === 0)).join('');
}
