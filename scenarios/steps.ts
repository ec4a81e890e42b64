// Scenario steps become API requests at their virtual times. A step that cannot become a request
// (a selector that does not parse, a delete that names nothing, a malformed List) or an
// expectation that can never hold is a scenario error, reported before the run starts.

import type { Command, FieldValidation } from '../core/commands.ts';
import { formatDurationMs } from '../core/duration.ts';
import { resolveKind } from '../kinds/registry.ts';
import { parseSelector } from '../core/labels.ts';
import type { ExpectationSpec, Step } from './codecs.ts';
import { expectationErrors } from './expectation-checks.ts';
import { flattenManifest } from './manifest-list.ts';
import type { TrafficFlow } from '../controllers/traffic/flow.ts';
import { sourceOf } from './traffic-codec.ts';

export interface TimedCommand {
  readonly atMs: number;
  readonly command: Command;
}

export interface TimedExpectation {
  readonly atMs: number;
  readonly expectation: ExpectationSpec;
  /** Where the scenario gives it: "steps[5].expect[0]". */
  readonly place: string;
}

export interface CompiledSteps {
  readonly commands: readonly TimedCommand[];
  /** The traffic steps, in order. */
  readonly traffic: readonly TrafficFlow[];
  readonly expectations: readonly TimedExpectation[];
  readonly errors: readonly string[];
}

export interface CompileOptions {
  /** Refuse unknown manifest fields (fieldValidation=Strict) instead of warning. */
  readonly strict?: boolean;
  /** When the scenario ends (its `until`, or a longer --until); a step or expectation after it is an error. */
  readonly untilMs: number;
}

const ACTOR = 'user';

/** What `kubectl delete` asks for unless told otherwise (--cascade=background). */
const KUBECTL_PROPAGATION = 'Background';

function kindName(kind: string): string {
  return resolveKind(kind)?.kind ?? kind;
}

/**
 * The kind a command step names, which the cluster must serve, as kubectl looks it up before it
 * sends anything. A manifest's kind is the API server's to refuse (with a warning naming the kinds
 * ksim serves), so the run goes on past it.
 */
function unknownKind(step: Step): string | undefined {
  const value = step.value as { kind?: unknown };
  if (step.action === 'expect' || step.action === 'apply' || step.action === 'applyFile') return undefined;
  if (typeof value !== 'object' || value === null || typeof value.kind !== 'string') return undefined;
  return resolveKind(value.kind) === undefined ? value.kind : undefined;
}

/** kubectl apply of one manifest or several: Lists flattened, each item its own request, in order. */
function applyCommands(value: unknown, path: string, fieldValidation: FieldValidation): Command[] | string {
  const given = Array.isArray(value) ? value : [value];
  const commands: Command[] = [];
  for (const [index, manifest] of given.entries()) {
    const flattened = flattenManifest(manifest, Array.isArray(value) ? `${path}[${index}]` : path);
    if (typeof flattened === 'string') return flattened;
    for (const { manifest: item, source } of flattened) commands.push({ type: 'apply', actor: ACTOR, manifest: item, fieldValidation, ...(source === undefined ? {} : { source }) });
  }
  return commands;
}

function commandsOf(step: Step, path: string, fieldValidation: FieldValidation): Command[] | string {
  const unknown = unknownKind(step);
  if (unknown !== undefined) return `${path}.${step.action}.kind: the server doesn't have a resource type "${unknown}"`;
  switch (step.action) {
    case 'apply':
    case 'applyFile':
      return applyCommands(step.value, `${path}.${step.action}`, fieldValidation);
    case 'scale': {
      const { kind, namespace = 'default', name, replicas } = step.value;
      return [{ type: 'scale', actor: ACTOR, kind: kindName(kind), namespace, name, replicas }];
    }
    case 'delete': {
      const { kind, namespace, name, selector, gracePeriodSeconds, propagationPolicy = KUBECTL_PROPAGATION } = step.value;
      const options = { ...(namespace === undefined ? {} : { namespace }), propagationPolicy };
      if (name !== undefined) return [{ type: 'delete', actor: ACTOR, kind: kindName(kind), name, ...options, ...(gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds }) }];
      if (selector === undefined) return `${path}.delete: expected a name or a selector`;
      const parsed = parseSelector(selector);
      if (!parsed.ok) return `${path}.delete.selector: ${parsed.error}`;
      return [{ type: 'deleteCollection', actor: ACTOR, kind: kindName(kind), selector: parsed.selector, ...options }];
    }
    case 'rollout': {
      const { kind, namespace = 'default', name, action, toRevision } = step.value;
      return [{ type: 'rollout', actor: ACTOR, kind: kindName(kind), namespace, name, action, ...(toRevision === undefined ? {} : { toRevision }) }];
    }
    case 'setImage': {
      const { kind, namespace = 'default', name, container, image } = step.value;
      return [{ type: 'setImage', actor: ACTOR, kind: kindName(kind), namespace, name, container, image }];
    }
    case 'patch': {
      const { kind, namespace = 'default', name, patch } = step.value;
      return [{ type: 'patch', actor: ACTOR, kind: kindName(kind), namespace, name, patch, fieldValidation }];
    }
    case 'cordon':
    case 'uncordon':
      return [{ type: 'setUnschedulable', actor: ACTOR, name: step.value, unschedulable: step.action === 'cordon' }];
    case 'expect':
    case 'traffic':
      return [];
  }
}

/** The traffic steps' names in order: their own, or traffic-N for the Nth traffic step. */
function trafficNames(steps: readonly Step[]): string[] {
  return steps.filter((step) => step.action === 'traffic').map((step, index) => (step.value as { name?: string }).name ?? `traffic-${index + 1}`);
}

/** A traffic step as the load generator runs it. */
function trafficFlow(step: Extract<Step, { action: 'traffic' }>, name: string): TrafficFlow {
  const { namespace = 'default', from, to, rate, for: durationMs } = step.value;
  return { name, atMs: step.atMs, durationMs, perSecond: rate, from: sourceOf(from, namespace), to, namespace };
}

export function compileSteps(steps: readonly Step[], label: string, options: CompileOptions): CompiledSteps {
  const commands: TimedCommand[] = [];
  const expectations: TimedExpectation[] = [];
  const errors: string[] = [];
  const traffic: TrafficFlow[] = [];
  // Expectations may name a traffic step given later in the list.
  const flowNames = trafficNames(steps);
  let trafficOrdinal = 0;
  const fieldValidation: FieldValidation = options.strict === true ? 'Strict' : 'Warn';
  steps.forEach((step, index) => {
    if (step.action === 'expect') {
      for (const [i, expectation] of step.value.entries()) {
        const path = `steps[${index}].expect[${i}]`;
        expectations.push({ atMs: step.atMs, expectation, place: path });
        errors.push(...expectationErrors(expectation, { path, atMs: step.atMs, untilMs: options.untilMs }, flowNames).map((line) => `${label}: ${line}`));
      }
      return;
    }
    if (step.atMs > options.untilMs) {
      errors.push(`${label}: steps[${index}]: at ${formatDurationMs(step.atMs)}, after the run ends at ${formatDurationMs(options.untilMs)}: it would never be sent`);
      return;
    }
    if (step.action === 'traffic') {
      const flow = trafficFlow(step, flowNames[trafficOrdinal++] ?? '');
      if (traffic.some((other) => other.name === flow.name)) errors.push(`${label}: steps[${index}].traffic.name: ${JSON.stringify(flow.name)} names another traffic step too`);
      else traffic.push(flow);
      return;
    }
    const compiled = commandsOf(step, `steps[${index}]`, fieldValidation);
    if (typeof compiled === 'string') errors.push(`${label}: ${compiled}`);
    else for (const command of compiled) commands.push({ atMs: step.atMs, command });
  });
  return { commands, traffic, expectations, errors };
}

