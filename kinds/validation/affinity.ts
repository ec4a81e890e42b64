// Node affinity and taint validation, with upstream's words (pkg/apis/core/validation:
// ValidateNodeSelector, validateNodeSelectorRequirement, validatePreferredSchedulingTerms,
// validateNodeTaints). Anything stored here is later read by the scheduler, so it must be sound.

import { type FieldError, invalid, isOneOf, required, unsupported } from './field-errors.ts';
import { setOperatorErrors } from './set-operator.ts';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateRequirement(path: string, requirement: unknown): FieldError[] {
  if (!isRecord(requirement)) return [invalid(path, requirement, 'must be an object')];
  const errors: FieldError[] = [];
  if (typeof requirement.key !== 'string' || requirement.key === '') errors.push(required(`${path}.key`));
  const values = requirement.values;
  if (values !== undefined && (!Array.isArray(values) || values.some((value) => typeof value !== 'string'))) {
    return [...errors, invalid(`${path}.values`, values, 'must be a list of strings')];
  }
  const count = (values as unknown[] | undefined)?.length ?? 0;
  const setErrors = setOperatorErrors(path, requirement.operator, count);
  if (setErrors !== undefined) return [...errors, ...setErrors];
  switch (requirement.operator) {
    case 'Gt':
    case 'Lt':
      if (count !== 1 || !/^-?\d+$/.test((values as string[])[0] as string)) {
        errors.push(required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      }
      break;
    default:
      errors.push(invalid(`${path}.operator`, requirement.operator, 'not a valid selector operator'));
  }
  return errors;
}

function validateRequirements(path: string, list: unknown): FieldError[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return [invalid(path, list, 'must be a list of node selector requirements')];
  return list.flatMap((requirement, index) => validateRequirement(`${path}[${index}]`, requirement));
}

function validateTerm(path: string, term: unknown): FieldError[] {
  if (!isRecord(term)) return [invalid(path, term, 'must be an object')];
  return [...validateRequirements(`${path}.matchExpressions`, term.matchExpressions), ...validateRequirements(`${path}.matchFields`, term.matchFields)];
}

function validateRequired(path: string, required_: unknown): FieldError[] {
  if (required_ === undefined) return [];
  const terms = isRecord(required_) ? required_.nodeSelectorTerms : undefined;
  if (!Array.isArray(terms) || terms.length === 0) return [required(`${path}.nodeSelectorTerms`, 'must have at least one node selector term')];
  return terms.flatMap((term, index) => validateTerm(`${path}.nodeSelectorTerms[${index}]`, term));
}

function validatePreferred(path: string, preferred: unknown): FieldError[] {
  if (preferred === undefined) return [];
  if (!Array.isArray(preferred)) return [invalid(path, preferred, 'must be a list of preferred scheduling terms')];
  return preferred.flatMap((term: unknown, index): FieldError[] => {
    const at = `${path}[${index}]`;
    if (!isRecord(term)) return [invalid(at, term, 'must be an object')];
    const weight = term.weight;
    const errors = typeof weight === 'number' && Number.isInteger(weight) && weight >= 1 && weight <= 100 ? [] : [invalid(`${at}.weight`, weight, 'must be in the range 1-100')];
    return [...errors, ...(term.preference === undefined ? [required(`${at}.preference`)] : validateTerm(`${at}.preference`, term.preference))];
  });
}

export function validateAffinity(path: string, affinity: unknown): FieldError[] {
  if (affinity === undefined) return [];
  if (!isRecord(affinity)) return [invalid(path, affinity, 'must be an object')];
  const nodeAffinity = affinity.nodeAffinity;
  if (nodeAffinity === undefined) return [];
  if (!isRecord(nodeAffinity)) return [invalid(`${path}.nodeAffinity`, nodeAffinity, 'must be an object')];
  const at = `${path}.nodeAffinity`;
  return [
    ...validateRequired(`${at}.requiredDuringSchedulingIgnoredDuringExecution`, nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution),
    ...validatePreferred(`${at}.preferredDuringSchedulingIgnoredDuringExecution`, nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution),
  ];
}

export function validateTaints(path: string, taints: unknown): FieldError[] {
  if (taints === undefined) return [];
  if (!Array.isArray(taints)) return [invalid(path, taints, 'must be a list of taints')];
  return taints.flatMap((taint: unknown, index): FieldError[] => {
    const at = `${path}[${index}]`;
    if (!isRecord(taint)) return [invalid(at, taint, 'must be an object')];
    const errors: FieldError[] = [];
    if (typeof taint.key !== 'string' || taint.key === '') errors.push(required(`${at}.key`));
    if (taint.value !== undefined && typeof taint.value !== 'string') errors.push(invalid(`${at}.value`, taint.value, 'must be a string'));
    if (!isOneOf(taint.effect, TAINT_EFFECTS)) errors.push(unsupported(`${at}.effect`, taint.effect, TAINT_EFFECTS));
    return errors;
  });
}

