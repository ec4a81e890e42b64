// Scenario steps become API requests at their virtual times. A step that cannot become a request
// (a selector that does not parse, a delete that names nothing) is a scenario error, reported
// before the run starts.

import type { Command } from '../core/commands.ts';
import { resolveKind } from '../kinds/registry.ts';
import { parseSelector } from '../core/labels.ts';
import type { ExpectationSpec, Step } from './codecs.ts';
import { parseFieldPath } from './field-path.ts';

export interface TimedCommand {
  readonly atMs: number;
  readonly command: Command;
}

export interface TimedExpectation {
  readonly atMs: number;
  readonly expectation: ExpectationSpec;
}

export interface CompiledSteps {
  readonly commands: readonly TimedCommand[];
  readonly expectations: readonly TimedExpectation[];
  readonly errors: readonly string[];
}

const ACTOR = 'user';

/** What `kubectl delete` asks for unless told otherwise (--cascade=background). */
const KUBECTL_PROPAGATION = 'Background';

function kindName(kind: string): string {
  return resolveKind(kind)?.kind ?? kind;
}

/** The kind a step names, which the cluster must serve. */
function unknownKind(step: Step): string | undefined {
  const value = step.value as { kind?: unknown };
  if (step.action === 'expect' || typeof value !== 'object' || value === null || typeof value.kind !== 'string') return undefined;
  return resolveKind(value.kind) === undefined ? value.kind : undefined;
}

function commandsOf(step: Step, path: string): Command[] | string {
  const unknown = unknownKind(step);
  if (unknown !== undefined) return `${path}.${step.action}.kind: the server doesn't have a resource type "${unknown}"`;
  switch (step.action) {
    case 'apply':
    case 'applyFile': {
      const manifests = Array.isArray(step.value) ? step.value : [step.value];
      return manifests.map((manifest) => ({ type: 'apply', actor: ACTOR, manifest }));
    }
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
      return [{ type: 'patch', actor: ACTOR, kind: kindName(kind), namespace, name, patch }];
    }
    case 'cordon':
    case 'uncordon':
      return [{ type: 'setUnschedulable', actor: ACTOR, name: step.value, unschedulable: step.action === 'cordon' }];
    case 'expect':
      return [];
  }
}

export function compileSteps(steps: readonly Step[], label: string): CompiledSteps {
  const commands: TimedCommand[] = [];
  const expectations: TimedExpectation[] = [];
  const errors: string[] = [];
  steps.forEach((step, index) => {
    if (step.action === 'expect') {
      for (const expectation of step.value) expectations.push({ atMs: step.atMs, expectation });
      for (const [i, expectation] of step.value.entries()) {
        if (expectation.selector !== undefined && !parseSelector(expectation.selector).ok) errors.push(`${label}: steps[${index}].expect[${i}].selector: not a label selector`);
        const path = expectation.path === undefined ? [] : parseFieldPath(expectation.path);
        if (typeof path === 'string') errors.push(`${label}: steps[${index}].expect[${i}].path: ${path}`);
      }
      return;
    }
    const compiled = commandsOf(step, `steps[${index}]`);
    if (typeof compiled === 'string') errors.push(`${label}: ${compiled}`);
    else for (const command of compiled) commands.push({ atMs: step.atMs, command });
  });
  return { commands, expectations, errors };
}

