// Validation shared by the workload kinds (pkg/apis/apps/validation and batch/validation): label
// selectors, pod templates whose labels the selector must match, counts and int-or-percent values.

import { type LabelSelector, selectorMatches } from '../../core/labels.ts';
import { type FieldError, invalid, isOneOf, MAX_INT32, required, validateLabels } from './field-errors.ts';
import { validatePodSpec } from './pod-spec.ts';

export type Json = Record<string, unknown>;
export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A selector ksim can evaluate; `emptyMessage` is upstream's word for an empty one, when refused. */
export function validateSelector(path: string, selector: unknown, emptyMessage?: string): FieldError[] {
  if (selector === undefined || selector === null) return [required(path)];
  if (!isRecord(selector)) return [invalid(path, selector, 'invalid label selector')];
  const expressions = selector.matchExpressions;
  if (expressions !== undefined && !Array.isArray(expressions)) return [invalid(`${path}.matchExpressions`, expressions, 'must be a list')];
  const errors = validateLabels(`${path}.matchLabels`, selector.matchLabels);
  (expressions ?? []).forEach((expression: unknown, index: number) => {
    const operator = isRecord(expression) ? expression.operator : undefined;
    if (!isOneOf(operator, ['In', 'NotIn', 'Exists', 'DoesNotExist'])) errors.push(invalid(`${path}.matchExpressions[${index}].operator`, operator, 'not a valid selector operator'));
  });
  const size = Object.keys(isRecord(selector.matchLabels) ? selector.matchLabels : {}).length + (expressions?.length ?? 0);
  if (size === 0 && emptyMessage !== undefined) errors.push(invalid(path, selector, emptyMessage));
  return errors;
}

/** An int32 that may be absent; `minimum` is 0 unless a field must be positive. */
export function validateCount(path: string, value: unknown, minimum = 0): FieldError[] {
  if (value === undefined) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [invalid(path, value, 'must be an integer')];
  if (value > MAX_INT32) return [invalid(path, value, `must be no more than ${MAX_INT32} (a 32-bit integer)`)];
  if (value < minimum) return [invalid(path, value, minimum === 0 ? 'must be greater than or equal to 0' : `must be greater than or equal to ${minimum}`)];
  return [];
}

const PERCENT = /^[0-9]+%$/;

/** IntOrString as ValidatePositiveIntOrPercent and IsNotMoreThan100Percent check it. */
export function validateIntOrPercent(path: string, value: unknown): FieldError[] {
  if (value === undefined) return [];
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? [] : [invalid(path, value, 'must be greater than or equal to 0')];
  if (typeof value !== 'string' || !PERCENT.test(value)) return [invalid(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return Number.parseInt(value, 10) > 100 ? [invalid(path, value, 'must not be greater than 100%')] : [];
}

/**
 * A pod template under a selector: labels valid and matched by the selector, the pod spec valid
 * with the restart policies the kind allows (Always for most controllers).
 */
export function validateTemplate(
  path: string,
  template: unknown,
  selector: unknown,
  restartPolicies: readonly string[] = ['Always'],
  checkSelector = true,
): FieldError[] {
  if (!isRecord(template)) return [required(path)];
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  const errors = validateLabels(`${path}.metadata.labels`, metadata.labels);
  if (checkSelector && errors.length === 0 && isRecord(selector) && !selectorMatches(selector as LabelSelector, metadata.labels as Record<string, string>)) {
    errors.push(invalid(`${path}.metadata.labels`, metadata.labels ?? {}, '`selector` does not match template `labels`'));
  }
  errors.push(...validatePodSpec(`${path}.spec`, template.spec, restartPolicies));
  return errors;
}

/** ReplicaSet (and Deployment) spec checks: replicas, minReadySeconds, a non-empty selector, the template. */
export function validateReplicatedSpec(spec: unknown): FieldError[] {
  if (!isRecord(spec)) return [required('spec')];
  const selectorErrors = validateSelector('spec.selector', spec.selector, 'empty selector is invalid for deployment');
  return [
    ...validateCount('spec.replicas', spec.replicas),
    ...validateCount('spec.minReadySeconds', spec.minReadySeconds),
    ...selectorErrors,
    ...validateTemplate('spec.template', spec.template, spec.selector, ['Always'], selectorErrors.length === 0),
  ];
}
