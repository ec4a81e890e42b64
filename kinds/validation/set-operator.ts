// The value-count rules of the set-based operators, shared by label selector requirements
// (ValidateLabelSelectorRequirement) and node selector requirements (validateNodeSelectorRequirement),
// which word them alike: In and NotIn need values, Exists and DoesNotExist take none.

import { type FieldError, forbidden, required } from './field-errors.ts';

/** The errors for `count` values under a set-based operator; undefined for any other operator. */
export function setOperatorErrors(path: string, operator: unknown, count: number): FieldError[] | undefined {
  switch (operator) {
    case 'In':
    case 'NotIn':
      return count === 0 ? [required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'")] : [];
    case 'Exists':
    case 'DoesNotExist':
      return count > 0 ? [forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")] : [];
    default:
      return undefined;
  }
}
