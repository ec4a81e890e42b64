// ReplicaSet validation as apps/v1 does it (pkg/apis/apps/validation ValidateReplicaSetSpec).

import { type LabelSelector, selectorMatches } from '../core/labels.ts';
import { type FieldError, invalid, isOneOf, MAX_INT32, required, validateLabels } from './field-errors.ts';
import { validatePodSpec } from './pod-validation.ts';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function validateSelector(path: string, selector: unknown): FieldError[] {
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
  // Upstream's words, shared with Deployment validation.
  if (size === 0) errors.push(invalid(path, selector, 'empty selector is invalid for deployment'));
  return errors;
}

function validateNonNegative(path: string, value: unknown): FieldError[] {
  if (value === undefined) return [];
  if (typeof value !== 'number' || !Number.isInteger(value)) return [invalid(path, value, 'must be an integer')];
  if (value > MAX_INT32) return [invalid(path, value, `must be no more than ${MAX_INT32} (a 32-bit integer)`)];
  return value < 0 ? [invalid(path, value, 'must be greater than or equal to 0')] : [];
}

export function validateReplicaSetSpec(spec: unknown): FieldError[] {
  if (!isRecord(spec)) return [required('spec')];
  const errors = [
    ...validateNonNegative('spec.replicas', spec.replicas),
    ...validateNonNegative('spec.minReadySeconds', spec.minReadySeconds),
    ...validateSelector('spec.selector', spec.selector),
  ];
  const template = spec.template;
  if (!isRecord(template)) return [...errors, required('spec.template')];
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  errors.push(...validateLabels('spec.template.metadata.labels', metadata.labels));
  if (errors.length === 0 && !selectorMatches(spec.selector as LabelSelector, metadata.labels as Record<string, string>)) {
    errors.push(invalid('spec.template.metadata.labels', metadata.labels ?? {}, '`selector` does not match template `labels`'));
  }
  errors.push(...validatePodSpec('spec.template.spec', template.spec, ['Always']));
  return errors;
}
