// PriorityClass validation (pkg/apis/scheduling/validation): the `system-` names are reserved for
// the two classes the API server creates, user values stop at one billion, value and preemption
// policy never change.

import type { PriorityClass } from '../../core/objects.ts';
import { type FieldError, forbidden, invalid, MAX_INT32, required, unsupported } from './field-errors.ts';

/** scheduling.HighestUserDefinablePriority: above it only the system classes live. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
const SYSTEM_PREFIX = 'system-';
const MIN_INT32 = -2_147_483_648;

export const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'] as const;

export interface SystemPriorityClass {
  readonly name: string;
  readonly value: number;
  readonly description: string;
}

/** The classes kube-apiserver creates when it starts (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: readonly SystemPriorityClass[] = [
  {
    name: 'system-node-critical',
    value: SYSTEM_CRITICAL_PRIORITY + 1000,
    description: 'Used for system critical pods that must not be moved from their current node.',
  },
  {
    name: 'system-cluster-critical',
    value: SYSTEM_CRITICAL_PRIORITY,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
];

/** Why a `system-` name is refused, or undefined for one of the known system classes as created. */
function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const known = SYSTEM_PRIORITY_CLASSES.find((system) => system.name === name);
  if (known === undefined) return `${name} is not a known system priority class`;
  if (known.value !== value) return `value of ${name} PriorityClass must be ${known.value}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

export function validatePreemptionPolicy(path: string, policy: unknown): FieldError[] {
  if (policy === undefined) return [];
  if (policy === '') return [required(path)];
  return (PREEMPTION_POLICIES as readonly unknown[]).includes(policy) ? [] : [unsupported(path, policy, PREEMPTION_POLICIES)];
}

export function validatePriorityClass(priorityClass: PriorityClass): FieldError[] {
  const { value, globalDefault } = priorityClass as { readonly value: unknown; readonly globalDefault: unknown };
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_INT32 || value > MAX_INT32) {
    return [invalid('value', value, 'must be a 32-bit integer')];
  }
  if (globalDefault !== undefined && typeof globalDefault !== 'boolean') return [invalid('globalDefault', globalDefault, 'must be a boolean')];
  const errors: FieldError[] = [];
  const name = priorityClass.metadata.name;
  if (name.startsWith(SYSTEM_PREFIX)) {
    const error = systemClassError(name, value, globalDefault === true);
    if (error !== undefined) errors.push(forbidden('metadata.name', `priority class names with '${SYSTEM_PREFIX}' prefix are reserved for system use only. error: ${error}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errors.push(forbidden('value', `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  return [...errors, ...validatePreemptionPolicy('preemptionPolicy', priorityClass.preemptionPolicy)];
}

export function validatePriorityClassUpdate(next: PriorityClass, current: PriorityClass): FieldError[] {
  const errors = validatePriorityClass(next);
  if (next.value !== current.value) errors.push(forbidden('value', 'may not be changed in an update.'));
  if (next.preemptionPolicy !== current.preemptionPolicy) errors.push(invalid('preemptionPolicy', next.preemptionPolicy, 'field is immutable'));
  return errors;
}
