// ResourceQuota validation (ValidateResourceQuota, v1.34), the parts ksim checks: every hard limit
// a non-negative quantity, every scope one upstream knows, and scope selector operators that fit.

import { invalid, type FieldError } from '../validation/field-errors.ts';
import { isRecord } from '../validation/workload.ts';
import { parseQuantityValue } from './quantity-value.ts';
import { QUOTA_SCOPES, type ResourceQuota } from './resource-quota.ts';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function validateHard(path: string, hard: unknown): FieldError[] {
  if (hard === undefined) return [];
  if (!isRecord(hard)) return [invalid(path, hard, 'must be a map of resource names to quantities')];
  const errors: FieldError[] = [];
  for (const name of Object.keys(hard).sort()) {
    const value = parseQuantityValue(String(hard[name]));
    if (value === undefined) errors.push(invalid(`${path}[${name}]`, hard[name], 'must be a quantity'));
    else if (value.nano < 0n) errors.push(invalid(`${path}[${name}]`, String(hard[name]), 'must be greater than or equal to 0'));
  }
  return errors;
}

function validateScopeName(path: string, scope: unknown): FieldError[] {
  return typeof scope === 'string' && (QUOTA_SCOPES as readonly string[]).includes(scope) ? [] : [invalid(path, scope, 'unsupported scope')];
}

export function validateResourceQuota(quota: ResourceQuota): FieldError[] {
  const spec: unknown = quota.spec;
  if (spec === undefined) return [];
  if (!isRecord(spec)) return [invalid('spec', spec, 'must be an object')];
  const errors = validateHard('spec.hard', spec.hard);
  if (spec.scopes !== undefined) {
    if (!Array.isArray(spec.scopes)) errors.push(invalid('spec.scopes', spec.scopes, 'must be a list'));
    else spec.scopes.forEach((scope, index) => errors.push(...validateScopeName(`spec.scopes[${index}]`, scope)));
  }
  const selector = spec.scopeSelector;
  if (isRecord(selector) && Array.isArray(selector.matchExpressions)) {
    selector.matchExpressions.forEach((requirement, index) => {
      const path = `spec.scopeSelector.matchExpressions[${index}]`;
      if (!isRecord(requirement)) return errors.push(invalid(path, requirement, 'must be an object'));
      errors.push(...validateScopeName(`${path}.scopeName`, requirement.scopeName));
      if (typeof requirement.operator !== 'string' || !OPERATORS.includes(requirement.operator)) errors.push(invalid(`${path}.operator`, requirement.operator, 'not a valid selector operator'));
      return errors.length;
    });
  }
  return errors;
}
