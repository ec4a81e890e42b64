// `expect` steps: checks of the cluster's state at a moment of the run. A failed one makes the run
// exit 1; each result says what was expected and what was found.

import { sameJson } from '../core/canonical-json.ts';
import { isNamespacedKind, resolveKind } from '../kinds/registry.ts';
import { parseSelector, selectorMatches } from '../core/labels.ts';
import type { KubeObject } from '../core/objects.ts';
import { formatDurationMs } from '../core/duration.ts';
import { listObjects, lookupObject } from '../reducers/lookup.ts';
import type { ClusterState } from '../reducers/state.ts';
import type { ExpectationSpec } from './codecs.ts';
import { parseFieldPath, valueAtSegments } from './field-path.ts';
import type { TrafficTotals } from './traffic-totals.ts';

export interface ExpectationResult {
  readonly atMs: number;
  readonly passed: boolean;
  readonly description: string;
  readonly detail: string;
}

/** Reads "status.conditions[type=Ready].status" or "metadata.labels.app" from an object (see field-path.ts). */
export function valueAtPath(object: unknown, path: string): unknown {
  const segments = parseFieldPath(path);
  return typeof segments === 'string' ? undefined : valueAtSegments(object, segments);
}

/**
 * Go's encoding omits zero values (omitempty), so a status of 0 ready replicas has no field at
 * all; an expectation of 0, false or "" is met by an absent field, as a reader of the API would
 * take it.
 */
function matchesExpected(actual: unknown, expected: unknown): boolean {
  if (actual === undefined && (expected === 0 || expected === false || expected === '')) return true;
  return sameJson(actual, expected);
}

/** What an expectation checks, as the run prints it ("Deployment web: status.readyReplicas == 5"). */
export function describeExpectation(spec: ExpectationSpec): string {
  return describe(spec, resolveKind(spec.kind)?.kind ?? spec.kind);
}

function describe(spec: ExpectationSpec, kind: string): string {
  const target = spec.name !== undefined ? `${kind} ${spec.name}` : `${kind}${spec.selector ? ` -l ${spec.selector}` : 's'}`;
  if (spec.count !== undefined) return `${target}: count == ${spec.count}`;
  if (spec.path !== undefined) return `${target}: ${spec.path} == ${JSON.stringify(spec.equals)}`;
  return `${target}: exists`;
}

function selected(state: ClusterState, spec: ExpectationSpec, kind: string, namespace: string | undefined): KubeObject[] | string {
  if (spec.name !== undefined) {
    const object = lookupObject(state, kind, namespace, spec.name);
    return object === undefined ? [] : [object];
  }
  const objects = listObjects(state, kind, namespace);
  if (spec.selector === undefined) return objects;
  const parsed = parseSelector(spec.selector);
  if (!parsed.ok) return `invalid selector: ${parsed.error}`;
  return objects.filter((object) => selectorMatches(parsed.selector, object.metadata.labels));
}

/** The pseudo-kind of expectations on a traffic step's results. */
export const TRAFFIC_KIND = 'Traffic';

function checkTraffic(spec: ExpectationSpec, atMs: number, traffic: (flow: string) => TrafficTotals): ExpectationResult {
  const description = describe(spec, TRAFFIC_KIND);
  const totals = traffic(spec.name ?? '');
  if (spec.path === undefined) return { atMs, passed: true, description, detail: `${totals.requests} requests` };
  const actual = valueAtPath(totals, spec.path);
  const passed = matchesExpected(actual, spec.equals);
  return { atMs, passed, description, detail: passed ? `at ${formatDurationMs(atMs)}` : `${spec.path} is ${JSON.stringify(actual) ?? 'absent'} (${totals.requests} requests, ${totals.failed} failed)` };
}

const NO_TRAFFIC = (): TrafficTotals => ({ requests: 0, served: 0, failed: 0, servedBy: {}, failedBy: {} });

export function checkExpectation(state: ClusterState, spec: ExpectationSpec, atMs: number, traffic: (flow: string) => TrafficTotals = NO_TRAFFIC): ExpectationResult {
  if (spec.kind === TRAFFIC_KIND) return checkTraffic(spec, atMs, traffic);
  const kind = resolveKind(spec.kind)?.kind ?? spec.kind;
  const namespace = isNamespacedKind(kind) ? (spec.namespace ?? 'default') : undefined;
  const description = describe(spec, kind);
  const result = (passed: boolean, detail: string) => ({ atMs, passed, description, detail });
  const objects = selected(state, spec, kind, namespace);
  if (typeof objects === 'string') return result(false, objects);
  if (spec.count !== undefined) return result(objects.length === spec.count, `found ${objects.length}`);
  if (objects.length === 0) return result(false, `no ${kind} found`);
  if (spec.path === undefined) return result(true, `found ${objects.length}`);
  const mismatched = objects.find((object) => !matchesExpected(valueAtPath(object, spec.path as string), spec.equals));
  if (mismatched === undefined) return result(true, `at ${formatDurationMs(atMs)}`);
  return result(false, `${mismatched.metadata.name}: ${spec.path} is ${JSON.stringify(valueAtPath(mismatched, spec.path)) ?? 'absent'}`);
}
