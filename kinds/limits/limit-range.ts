// LimitRange (core/v1): its type as ksim reads it, the API server's defaulting of a Container item
// (SetDefaults_LimitRangeItem) and its validation (ValidateLimitRange, v1.34).

import type { KubeObject, ResourceList } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';
import { forbidden, invalid, required, unsupported, type FieldError } from '../validation/field-errors.ts';
import { isRecord } from '../validation/workload.ts';
import { compareQuantity, formatQuantityValue, milliValue, parseQuantityValue, type QuantityValue } from '../quota/quantity-value.ts';

export interface LimitRangeItem {
  readonly type: string;
  readonly max?: ResourceList;
  readonly min?: ResourceList;
  readonly default?: ResourceList;
  readonly defaultRequest?: ResourceList;
  readonly maxLimitRequestRatio?: ResourceList;
}

export interface LimitRange extends KubeObject {
  readonly spec: { readonly limits: readonly LimitRangeItem[] };
}

const LIST_FIELDS = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;
const STANDARD_TYPES = ['Pod', 'Container', 'PersistentVolumeClaim'];

/** The entries of `from` that `into` lacks, added after its own. */
function fillFrom(into: ResourceList | undefined, from: ResourceList | undefined): ResourceList | undefined {
  const missing = Object.entries(from ?? {}).filter(([name]) => into?.[name] === undefined);
  if (missing.length === 0) return into;
  return withFields(into ?? {}, Object.fromEntries(missing));
}

/**
 * A Container item's defaults: the default limit is the max, the default request the default
 * limit, else the min. That is why a range with only min and max gives containers requests and
 * limits of its max.
 */
export function defaultLimitRangeItem(item: LimitRangeItem): LimitRangeItem {
  if (item.type !== 'Container') return item;
  const defaultLimit = fillFrom(item.default, item.max);
  const defaultRequest = fillFrom(fillFrom(item.defaultRequest, defaultLimit), item.min);
  return withFields(item, defaultLimit === undefined ? {} : { default: defaultLimit }, defaultRequest === undefined ? {} : { defaultRequest });
}

export function defaultLimitRange(limitRange: LimitRange): LimitRange {
  const limits = limitRange.spec?.limits;
  if (!Array.isArray(limits)) return limitRange;
  return withFields(limitRange, { spec: withFields(limitRange.spec, { limits: limits.map((item) => (isRecord(item) ? defaultLimitRangeItem(item as unknown as LimitRangeItem) : item)) }) });
}

function quantities(path: string, list: unknown, errors: FieldError[]): Map<string, QuantityValue> {
  const values = new Map<string, QuantityValue>();
  if (list === undefined) return values;
  if (!isRecord(list)) {
    errors.push(invalid(path, list, 'must be a map of resource names to quantities'));
    return values;
  }
  for (const name of Object.keys(list).sort()) {
    const value = parseQuantityValue(String(list[name]));
    if (value === undefined) errors.push(invalid(`${path}[${name}]`, list[name], 'must be a quantity'));
    else values.set(name, value);
  }
  return values;
}

const text = formatQuantityValue;

/** The checks between one resource's min, max, defaults and ratio in one item. */
function crossChecks(path: string, name: string, lists: Readonly<Record<(typeof LIST_FIELDS)[number], Map<string, QuantityValue>>>): FieldError[] {
  const errors: FieldError[] = [];
  const min = lists.min.get(name);
  const max = lists.max.get(name);
  const limit = lists.default.get(name);
  const request = lists.defaultRequest.get(name);
  const ratio = lists.maxLimitRequestRatio.get(name);
  const greater = (a: QuantityValue | undefined, b: QuantityValue | undefined): boolean => a !== undefined && b !== undefined && compareQuantity(a, b) > 0;
  if (min !== undefined && greater(min, max)) errors.push(invalid(`${path}.min[${name}]`, text(min), `min value ${text(min)} is greater than max value ${text(max as QuantityValue)}`));
  if (request !== undefined && greater(min, request)) errors.push(invalid(`${path}.defaultRequest[${name}]`, text(request), `min value ${text(min as QuantityValue)} is greater than default request value ${text(request)}`));
  if (request !== undefined && greater(request, max)) errors.push(invalid(`${path}.defaultRequest[${name}]`, text(request), `default request value ${text(request)} is greater than max value ${text(max as QuantityValue)}`));
  if (request !== undefined && greater(request, limit)) errors.push(invalid(`${path}.defaultRequest[${name}]`, text(request), `default request value ${text(request)} is greater than default limit value ${text(limit as QuantityValue)}`));
  if (min !== undefined && greater(min, limit)) errors.push(invalid(`${path}.default[${name}]`, text(min), `min value ${text(min)} is greater than default value ${text(limit as QuantityValue)}`));
  if (max !== undefined && greater(limit, max)) errors.push(invalid(`${path}.default[${name}]`, text(max), `default value ${text(limit as QuantityValue)} is greater than max value ${text(max)}`));
  if (ratio !== undefined && ratio.nano < 1_000_000_000n) errors.push(invalid(`${path}.maxLimitRequestRatio[${name}]`, text(ratio), `ratio ${text(ratio)} is less than 1`));
  if (ratio !== undefined && min !== undefined && max !== undefined) {
    const ratioLimit = Number(milliValue(max)) / Number(milliValue(min));
    if (Number(milliValue(ratio)) / 1000 > ratioLimit) {
      errors.push(invalid(`${path}.maxLimitRequestRatio[${name}]`, text(ratio), `ratio ${text(ratio)} is greater than max/min = ${ratioLimit.toFixed(6)}`));
    }
  }
  return errors;
}

function validateItem(path: string, item: unknown): FieldError[] {
  if (!isRecord(item)) return [invalid(path, item, 'must be an object')];
  const errors: FieldError[] = [];
  if (typeof item.type !== 'string' || !STANDARD_TYPES.includes(item.type)) {
    if (typeof item.type === 'string' && item.type.includes('/')) {
      // A fully qualified custom type is allowed, and means nothing to the LimitRanger.
    } else errors.push(item.type === undefined || item.type === '' ? required(`${path}.type`) : unsupported(`${path}.type`, item.type, STANDARD_TYPES));
  }
  const lists = Object.fromEntries(LIST_FIELDS.map((field) => [field, quantities(`${path}.${field}`, item[field], errors)])) as Record<(typeof LIST_FIELDS)[number], Map<string, QuantityValue>>;
  if (item.type === 'Pod') {
    if (lists.default.size > 0) errors.push(forbidden(`${path}.default`, "may not be specified when `type` is 'Pod'"));
    if (lists.defaultRequest.size > 0) errors.push(forbidden(`${path}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
  }
  if (item.type === 'PersistentVolumeClaim' && !lists.min.has('storage') && !lists.max.has('storage')) {
    errors.push(required(`${path}.limits`, 'either minimum or maximum storage value is required, but neither was provided'));
  }
  const names = [...new Set(LIST_FIELDS.flatMap((field) => [...lists[field].keys()]))].sort();
  for (const name of names) errors.push(...crossChecks(path, name, lists));
  return errors;
}

export function validateLimitRange(limitRange: LimitRange): FieldError[] {
  const spec: unknown = limitRange.spec;
  if (!isRecord(spec)) return [required('spec')];
  const { limits } = spec;
  if (limits === undefined) return [];
  if (!Array.isArray(limits)) return [invalid('spec.limits', limits, 'must be a list')];
  return limits.flatMap((item, index) => validateItem(`spec.limits[${index}]`, item));
}
