// An `expect` step checked before the run: a kind the cluster does not serve, a selector or path
// that does not parse, a path no object of the kind can have, or a time after the run's end would
// each make an expectation that can never say anything true, so each is a scenario error.

import { formatDurationMs } from '../core/duration.ts';
import { parseSelector } from '../core/labels.ts';
import { resolveKind } from '../kinds/registry.ts';
import type { ExpectationSpec } from './codecs.ts';
import { parseFieldPath } from './field-path.ts';
import { pathSchemaError } from './field-path-schema.ts';

export interface ExpectationPlace {
  /** "steps[3].expect[0]" */
  readonly path: string;
  readonly atMs: number;
  /** When the run ends: the scenario's `until`, --until, or the idle horizon. */
  readonly untilMs: number;
}

export function expectationErrors(expectation: ExpectationSpec, place: ExpectationPlace): string[] {
  const errors: string[] = [];
  if (place.atMs > place.untilMs) errors.push(`${place.path}: at ${formatDurationMs(place.atMs)}, after the run ends at ${formatDurationMs(place.untilMs)}: it would never be checked`);
  if (expectation.selector !== undefined && !parseSelector(expectation.selector).ok) errors.push(`${place.path}.selector: not a label selector`);
  const definition = resolveKind(expectation.kind);
  if (definition === undefined) {
    errors.push(`${place.path}.kind: the server doesn't have a resource type "${expectation.kind}"`);
    return errors;
  }
  if (expectation.path === undefined) return errors;
  const segments = parseFieldPath(expectation.path);
  if (typeof segments === 'string') errors.push(`${place.path}.path: ${segments}`);
  else {
    const wrong = pathSchemaError(definition.kind, definition.fields, segments);
    if (wrong !== undefined) errors.push(`${place.path}.path: ${JSON.stringify(expectation.path)} cannot exist: ${wrong}`);
  }
  return errors;
}
