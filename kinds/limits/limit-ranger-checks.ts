// The checks of upstream's LimitRanger admission plugin (plugin/pkg/admission/limitranger,
// minConstraint, maxConstraint, maxRequestConstraint and limitRequestRatioConstraint, v1.34), with
// its messages. Values are compared in milli-units, as requestLimitEnforcedValues does.

import { formatQuantityValue, milliValue, type QuantityValue } from '../quota/quantity-value.ts';

type Values = Readonly<Record<string, QuantityValue>>;

const text = formatQuantityValue;

export function minConstraint(limitType: string, resource: string, enforced: QuantityValue, requests: Values, limits: Values): string | undefined {
  const request = requests[resource];
  const limit = limits[resource];
  if (request === undefined) return `minimum ${resource} usage per ${limitType} is ${text(enforced)}.  No request is specified`;
  if (milliValue(request) < milliValue(enforced)) return `minimum ${resource} usage per ${limitType} is ${text(enforced)}, but request is ${text(request)}`;
  if (limit !== undefined && milliValue(limit) < milliValue(enforced)) return `minimum ${resource} usage per ${limitType} is ${text(enforced)}, but limit is ${text(limit)}`;
  return undefined;
}

export function maxConstraint(limitType: string, resource: string, enforced: QuantityValue, requests: Values, limits: Values): string | undefined {
  const request = requests[resource];
  const limit = limits[resource];
  if (limit === undefined) return `maximum ${resource} usage per ${limitType} is ${text(enforced)}.  No limit is specified`;
  if (milliValue(limit) > milliValue(enforced)) return `maximum ${resource} usage per ${limitType} is ${text(enforced)}, but limit is ${text(limit)}`;
  if (request !== undefined && milliValue(request) > milliValue(enforced)) return `maximum ${resource} usage per ${limitType} is ${text(enforced)}, but request is ${text(request)}`;
  return undefined;
}

/** For claims, whose limits are not user input: only the request is held to the maximum. */
export function maxRequestConstraint(limitType: string, resource: string, enforced: QuantityValue, requests: Values): string | undefined {
  const request = requests[resource];
  if (request === undefined) return `maximum ${resource} usage per ${limitType} is ${text(enforced)}.  No request is specified`;
  if (milliValue(request) > milliValue(enforced)) return `maximum ${resource} usage per ${limitType} is ${text(enforced)}, but request is ${text(request)}`;
  return undefined;
}

export function limitRequestRatioConstraint(limitType: string, resource: string, enforced: QuantityValue, requests: Values, limits: Values): string | undefined {
  const request = requests[resource];
  const limit = limits[resource];
  const shown = text(enforced);
  if (request === undefined || milliValue(request) === 0n) return `${resource} max limit to request ratio per ${limitType} is ${shown}, but no request is specified or request is 0`;
  if (limit === undefined || milliValue(limit) === 0n) return `${resource} max limit to request ratio per ${limitType} is ${shown}, but no limit is specified or limit is 0`;
  const observedRatio = Number(milliValue(limit)) / Number(milliValue(request));
  // Go's %f: six decimals.
  if (observedRatio * 1000 > Number(milliValue(enforced))) return `${resource} max limit to request ratio per ${limitType} is ${shown}, but provided ratio is ${observedRatio.toFixed(6)}`;
  return undefined;
}

/** utilerrors.NewAggregate's text: one message alone, several (each once) in brackets. */
export function aggregateMessages(messages: readonly string[]): string | undefined {
  const unique = [...new Set(messages)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}
