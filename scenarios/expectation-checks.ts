// An `expect` step checked before the run: a kind the cluster does not serve, a selector or path
// that does not parse, a path no object of the kind can have, or a time after the run's end would
// each make an expectation that can never say anything true, so each is a scenario error.

import { formatDurationMs } from '../core/duration.ts';
import { parseSelector } from '../core/labels.ts';
import { resolveKind } from '../kinds/registry.ts';
import type { ExpectationSpec } from './codecs.ts';
import { parseFieldPath } from './field-path.ts';
import { pathSchemaError } from './field-path-schema.ts';
import { TRAFFIC_FIELDS } from './traffic-totals.ts';

export interface ExpectationPlace {
  /** "steps[3].expect[0]" */
  readonly path: string;
  readonly atMs: number;
  /** When the run ends: the scenario's `until`, --until, or the idle horizon. */
  readonly untilMs: number;
}

/** A traffic expectation names a traffic step of the scenario and a path into its totals. */
function trafficErrors(expectation: ExpectationSpec, place: ExpectationPlace, flows: readonly string[]): string[] {
  const errors: string[] = [];
  if (expectation.name === undefined || !flows.includes(expectation.name)) {
    const known = flows.length === 0 ? 'the scenario has no traffic step' : `traffic steps: ${flows.join(', ')}`;
    errors.push(`${place.path}.name: expected the name of a traffic step (${known}), got ${JSON.stringify(expectation.name)}`);
  }
  if (expectation.selector !== undefined || expectation.count !== undefined) errors.push(`${place.path}: a Traffic expectation takes name, path and equals`);
  if (expectation.path !== undefined) {
    const segments = parseFieldPath(expectation.path);
    const first = typeof segments === 'string' ? undefined : segments[0];
    if (typeof segments === 'string') errors.push(`${place.path}.path: ${segments}`);
    else if (first === undefined || !('key' in first) || !(TRAFFIC_FIELDS as readonly string[]).includes(first.key)) errors.push(`${place.path}.path: ${JSON.stringify(expectation.path)} cannot exist: traffic results have ${TRAFFIC_FIELDS.join(', ')}`);
  }
  return errors;
}

export function expectationErrors(expectation: ExpectationSpec, place: ExpectationPlace, flows: readonly string[] = []): string[] {
  const errors: string[] = [];
  if (place.atMs > place.untilMs) errors.push(`${place.path}: at ${formatDurationMs(place.atMs)}, after the run ends at ${formatDurationMs(place.untilMs)}: it would never be checked`);
  if (expectation.kind === 'Traffic') return [...errors, ...trafficErrors(expectation, place, flows)];
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
