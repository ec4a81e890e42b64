// Validation of the pod fields the scheduler's pod-counting plugins and NodePorts read, with
// upstream's paths and words (pkg/apis/core/validation: validateTopologySpreadConstraints,
// validatePodAffinity and validatePodAntiAffinity, validateSchedulingGates, validateContainerPorts,
// and apimachinery's ValidateLabelSelector). Anything admitted here is later trusted by the
// scheduler, so a malformed field is refused rather than left to crash a cycle.

import { type FieldError, duplicate, forbidden, invalid, isOneOf, required, unsupported, validateDns1123Label, validateLabels } from './field-errors.ts';
import { setOperatorErrors } from './set-operator.ts';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const NOT_POSITIVE = 'must be greater than zero';
const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];
const INCLUSION_POLICIES = ['Honor', 'Ignore'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_MESSAGE = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** ValidateLabelName / ValidateQualifiedName: an optional DNS prefix and a name of at most 63 characters. */
export function validateQualifiedName(path: string, value: unknown): FieldError[] {
  if (typeof value !== 'string') return [invalid(path, value, 'must be a string')];
  const name = value.includes('/') ? value.slice(value.indexOf('/') + 1) : value;
  if (name.length === 0) return [invalid(path, value, 'name part must be non-empty')];
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) return [invalid(path, value, NAME_MESSAGE)];
  return [];
}

function isInt32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function validateRequirement(path: string, requirement: unknown): FieldError[] {
  if (!isRecord(requirement)) return [invalid(path, requirement, 'must be an object')];
  const values = requirement.values;
  if (values !== undefined && values !== null && (!Array.isArray(values) || values.some((value) => typeof value !== 'string'))) {
    return [invalid(`${path}.values`, values, 'must be a list of strings')];
  }
  const count = Array.isArray(values) ? values.length : 0;
  const errors = setOperatorErrors(path, requirement.operator, count) ?? [invalid(`${path}.operator`, requirement.operator, 'not a valid selector operator')];
  return [...errors, ...validateQualifiedName(`${path}.key`, requirement.key)];
}

/** ValidateLabelSelector; null and absent selectors are valid (they select nothing). */
export function validateLabelSelector(path: string, selector: unknown): FieldError[] {
  if (selector === undefined || selector === null) return [];
  if (!isRecord(selector)) return [invalid(path, selector, 'must be a label selector')];
  const expressions = selector.matchExpressions;
  if (expressions !== undefined && expressions !== null && !Array.isArray(expressions)) return [invalid(`${path}.matchExpressions`, expressions, 'must be a list')];
  const errors = selector.matchLabels === null ? [] : validateLabels(`${path}.matchLabels`, selector.matchLabels);
  (expressions ?? []).forEach((expression: unknown, index: number) => errors.push(...validateRequirement(`${path}.matchExpressions[${index}]`, expression)));
  return errors;
}

function validateKeyList(path: string, keys: unknown): FieldError[] {
  if (keys === undefined || keys === null) return [];
  if (!Array.isArray(keys)) return [invalid(path, keys, 'must be a list of label keys')];
  return keys.flatMap((key, index) => validateQualifiedName(`${path}[${index}]`, key));
}

function hasKeys(keys: unknown): boolean {
  return Array.isArray(keys) && keys.length > 0;
}

function validateConstraint(path: string, constraint: unknown, later: readonly unknown[]): FieldError[] {
  if (!isRecord(constraint)) return [invalid(path, constraint, 'must be an object')];
  const errors: FieldError[] = [];
  const { maxSkew, topologyKey, whenUnsatisfiable, minDomains } = constraint;
  if (!isInt32(maxSkew) || maxSkew <= 0) errors.push(invalid(`${path}.maxSkew`, maxSkew, NOT_POSITIVE));
  if (typeof topologyKey !== 'string' || topologyKey === '') errors.push(required(`${path}.topologyKey`, 'can not be empty'));
  if (!isOneOf(whenUnsatisfiable, SCHEDULE_ACTIONS)) errors.push(unsupported(`${path}.whenUnsatisfiable`, whenUnsatisfiable, SCHEDULE_ACTIONS));
  const repeated = later.some((other) => isRecord(other) && other.topologyKey === topologyKey && other.whenUnsatisfiable === whenUnsatisfiable);
  if (repeated) errors.push(duplicate(`${path}.{topologyKey, whenUnsatisfiable}`, `{${String(topologyKey)}, ${String(whenUnsatisfiable)}}`));
  if (minDomains !== undefined && minDomains !== null) {
    if (!isInt32(minDomains) || minDomains <= 0) errors.push(invalid(`${path}.minDomains`, minDomains, NOT_POSITIVE));
    if (whenUnsatisfiable !== 'DoNotSchedule') errors.push(invalid(`${path}.minDomains`, minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${String(whenUnsatisfiable)}`));
  }
  for (const field of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
    const policy = constraint[field];
    if (policy !== undefined && policy !== null && !isOneOf(policy, INCLUSION_POLICIES)) errors.push(unsupported(`${path}.${field}`, policy, INCLUSION_POLICIES));
  }
  if (hasKeys(constraint.matchLabelKeys) && (constraint.labelSelector === undefined || constraint.labelSelector === null)) {
    errors.push(forbidden(`${path}.matchLabelKeys`, 'must not be specified when labelSelector is not set'));
  }
  return [...errors, ...validateKeyList(`${path}.matchLabelKeys`, constraint.matchLabelKeys), ...validateLabelSelector(`${path}.labelSelector`, constraint.labelSelector)];
}

export function validateTopologySpreadConstraints(path: string, constraints: unknown): FieldError[] {
  if (constraints === undefined || constraints === null) return [];
  if (!Array.isArray(constraints)) return [invalid(path, constraints, 'must be a list of topology spread constraints')];
  return constraints.flatMap((constraint, index) => validateConstraint(`${path}[${index}]`, constraint, constraints.slice(index + 1)));
}

function validateLabelKeys(path: string, term: Json): FieldError[] {
  const errors: FieldError[] = [];
  const hasAny = hasKeys(term.matchLabelKeys) || hasKeys(term.mismatchLabelKeys);
  if (hasAny && (term.labelSelector === undefined || term.labelSelector === null)) {
    errors.push(forbidden(path, 'must not be specified when labelSelector is not set'));
  }
  const matching = new Set(Array.isArray(term.matchLabelKeys) ? term.matchLabelKeys : []);
  (Array.isArray(term.mismatchLabelKeys) ? term.mismatchLabelKeys : []).forEach((key: unknown, index: number) => {
    if (matching.has(key)) errors.push(invalid(`${path}.mismatchLabelKeys[${index}]`, key, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  return [...errors, ...validateKeyList(`${path}.matchLabelKeys`, term.matchLabelKeys), ...validateKeyList(`${path}.mismatchLabelKeys`, term.mismatchLabelKeys)];
}

function validateAffinityTerm(path: string, term: unknown): FieldError[] {
  if (!isRecord(term)) return [invalid(path, term, 'must be an object')];
  const errors = [...validateLabelSelector(`${path}.labelSelector`, term.labelSelector), ...validateLabelSelector(`${path}.namespaceSelector`, term.namespaceSelector)];
  const namespaces = term.namespaces;
  if (namespaces !== undefined && namespaces !== null) {
    if (!Array.isArray(namespaces)) errors.push(invalid(`${path}.namespaces`, namespaces, 'must be a list of namespace names'));
    else for (const name of namespaces) errors.push(...(typeof name === 'string' ? validateDns1123Label(`${path}.namespace`, name) : [invalid(`${path}.namespace`, name, 'must be a string')]));
  }
  errors.push(...validateLabelKeys(path, term));
  if (typeof term.topologyKey !== 'string' || term.topologyKey === '') return [...errors, required(`${path}.topologyKey`, 'can not be empty')];
  return [...errors, ...validateQualifiedName(`${path}.topologyKey`, term.topologyKey)];
}

function validateWeightedTerm(path: string, term: unknown): FieldError[] {
  if (!isRecord(term)) return [invalid(path, term, 'must be an object')];
  const weight = term.weight;
  const errors = isInt32(weight) && weight >= 1 && weight <= 100 ? [] : [invalid(`${path}.weight`, weight, 'must be in the range 1-100')];
  return [...errors, ...validateAffinityTerm(`${path}.podAffinityTerm`, term.podAffinityTerm)];
}

function validateTermList(path: string, list: unknown, validate: (path: string, term: unknown) => FieldError[]): FieldError[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return [invalid(path, list, 'must be a list of pod affinity terms')];
  return list.flatMap((term, index) => validate(`${path}[${index}]`, term));
}

/** validatePodAffinity and validatePodAntiAffinity (one shape). */
export function validatePodAffinity(path: string, affinity: unknown): FieldError[] {
  if (affinity === undefined || affinity === null) return [];
  if (!isRecord(affinity)) return [invalid(path, affinity, 'must be an object')];
  return [
    ...validateTermList(`${path}.requiredDuringSchedulingIgnoredDuringExecution`, affinity.requiredDuringSchedulingIgnoredDuringExecution, validateAffinityTerm),
    ...validateTermList(`${path}.preferredDuringSchedulingIgnoredDuringExecution`, affinity.preferredDuringSchedulingIgnoredDuringExecution, validateWeightedTerm),
  ];
}

/** validateSchedulingGates: qualified names, no name twice. */
export function validateSchedulingGates(path: string, gates: unknown): FieldError[] {
  if (gates === undefined || gates === null) return [];
  if (!Array.isArray(gates)) return [invalid(path, gates, 'must be a list of scheduling gates')];
  const seen = new Set<unknown>();
  return gates.flatMap((gate: unknown, index): FieldError[] => {
    const name = isRecord(gate) ? gate.name : undefined;
    const errors = validateQualifiedName(`${path}[${index}]`, name);
    if (seen.has(name)) errors.push(duplicate(`${path}[${index}]`, name));
    seen.add(name);
    return errors;
  });
}

function isValidPort(value: unknown): boolean {
  return isInt32(value) && value >= 1 && value <= 65535;
}

/** validateContainerPorts: containerPort and any hostPort within 1..65535, a known protocol. */
export function validateContainerPorts(path: string, ports: unknown): FieldError[] {
  if (ports === undefined || ports === null) return [];
  if (!Array.isArray(ports)) return [invalid(path, ports, 'must be a list of container ports')];
  return ports.flatMap((port: unknown, index): FieldError[] => {
    const at = `${path}[${index}]`;
    if (!isRecord(port)) return [invalid(at, port, 'must be an object')];
    const errors: FieldError[] = [];
    if (port.containerPort === undefined || port.containerPort === 0) errors.push(required(`${at}.containerPort`));
    else if (!isValidPort(port.containerPort)) errors.push(invalid(`${at}.containerPort`, port.containerPort, 'must be between 1 and 65535, inclusive'));
    if (port.hostPort !== undefined && port.hostPort !== 0 && !isValidPort(port.hostPort)) errors.push(invalid(`${at}.hostPort`, port.hostPort, 'must be between 1 and 65535, inclusive'));
    if (port.protocol !== undefined && !isOneOf(port.protocol, PROTOCOLS)) errors.push(unsupported(`${at}.protocol`, port.protocol, PROTOCOLS));
    if (port.hostIP !== undefined && typeof port.hostIP !== 'string') errors.push(invalid(`${at}.hostIP`, port.hostIP, 'must be a valid IP address'));
    return errors;
  });
}

/** A gated pod cannot name its node (ValidatePodCreate). */
export function validateGatedNodeName(path: string, spec: unknown): FieldError[] {
  if (!isRecord(spec)) return [];
  const gated = Array.isArray(spec.schedulingGates) && spec.schedulingGates.length > 0;
  return gated && typeof spec.nodeName === 'string' && spec.nodeName !== '' ? [forbidden(`${path}.nodeName`, 'cannot be set until all schedulingGates have been cleared')] : [];
}
