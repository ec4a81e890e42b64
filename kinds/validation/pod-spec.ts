// Pod spec validation with upstream's field paths and words (pkg/apis/core/validation).
// It reads the spec as untrusted JSON: a manifest may hold anything.

import { isQuantity, parseQuantity } from '../../core/quantity.ts';
import { validateAffinity } from './affinity.ts';
import { validateContainerPorts, validatePodAffinity, validateSchedulingGates, validateTopologySpreadConstraints } from './pod-scheduling.ts';
import { validateContainerLifecycle } from './probes.ts';
import { isOneOf, duplicate, type FieldError, invalid, MAX_INT32, required, unsupported, validateDns1123Label, validateDns1123Subdomain, validateLabels } from './field-errors.ts';
import { validatePreemptionPolicy } from './priority-class.ts';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const QUANTITY_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function validateResourceList(path: string, list: unknown): FieldError[] {
  if (list === undefined) return [];
  if (!isRecord(list)) return [invalid(path, list, 'must be a map of resource names to quantities')];
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(list)) {
    if ((typeof value !== 'string' && typeof value !== 'number') || parseQuantity(value) === undefined) errors.push(invalid(`${path}[${name}]`, value, QUANTITY_MESSAGE));
    else if ((parseQuantity(value) ?? 0) < 0) errors.push(invalid(`${path}[${name}]`, value, 'must be greater than or equal to 0'));
  }
  return errors;
}

/** IsOvercommitAllowed's converse: extended resources and hugepages must be requested exactly as limited. */
function nonOvercommitable(name: string): boolean {
  return name.startsWith('hugepages-') || (name.includes('/') && !name.includes('kubernetes.io/'));
}

function validateRequestsWithinLimits(path: string, resources: Json): FieldError[] {
  if (!isRecord(resources.requests)) return [];
  const limits = isRecord(resources.limits) ? resources.limits : {};
  const errors: FieldError[] = [];
  for (const [name, request] of Object.entries(resources.requests)) {
    const limit = limits[name];
    if (limit === undefined) {
      if (nonOvercommitable(name)) errors.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
      continue;
    }
    // Values that are not quantities were reported already; only quantities are compared.
    if (!isQuantity(limit) || !isQuantity(request)) continue;
    const requested = parseQuantity(request as string);
    const limited = parseQuantity(limit as string);
    if (requested === undefined || limited === undefined) continue;
    if (requested !== limited && nonOvercommitable(name)) {
      errors.push(invalid(`${path}.requests`, String(request), `must be equal to ${name} limit of ${String(limit)}`));
    } else if (requested > limited) {
      errors.push(invalid(`${path}.requests`, String(request), `must be less than or equal to ${name} limit of ${String(limit)}`));
    }
  }
  return errors;
}

function validateContainer(path: string, container: unknown, names: Set<string>): FieldError[] {
  if (!isRecord(container)) return [invalid(path, container, 'must be an object')];
  const errors: FieldError[] = [];
  if (typeof container.name !== 'string' || container.name === '') errors.push(required(`${path}.name`));
  else {
    errors.push(...validateDns1123Label(`${path}.name`, container.name));
    if (names.has(container.name)) errors.push(duplicate(`${path}.name`, container.name));
    names.add(container.name);
  }
  if (typeof container.image !== 'string' || container.image.trim() === '') errors.push(required(`${path}.image`));
  errors.push(...validateContainerPorts(`${path}.ports`, container.ports));
  if (container.resources !== undefined) {
    if (!isRecord(container.resources)) errors.push(invalid(`${path}.resources`, container.resources, 'must be an object'));
    else {
      errors.push(...validateResourceList(`${path}.resources.requests`, container.resources.requests));
      errors.push(...validateResourceList(`${path}.resources.limits`, container.resources.limits));
      errors.push(...validateRequestsWithinLimits(`${path}.resources`, container.resources));
    }
  }
  return errors;
}

function validateContainers(path: string, containers: unknown, names: Set<string>, mustHaveOne: boolean): FieldError[] {
  if (containers === undefined) return mustHaveOne ? [required(path)] : [];
  if (!Array.isArray(containers)) return [invalid(path, containers, 'must be a list of containers')];
  if (containers.length === 0 && mustHaveOne) return [required(path)];
  const init = path.endsWith('initContainers');
  return containers.flatMap((container, index) => [
    ...validateContainer(`${path}[${index}]`, container, names),
    ...(isRecord(container) ? validateContainerLifecycle(`${path}[${index}]`, container, init) : []),
  ]);
}

const TOLERATION_OPERATORS = ['Equal', 'Exists'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateTolerations(path: string, tolerations: unknown): FieldError[] {
  if (tolerations === undefined) return [];
  if (!Array.isArray(tolerations)) return [invalid(path, tolerations, 'must be a list of tolerations')];
  return tolerations.flatMap((toleration: unknown, index): FieldError[] => {
    const at = `${path}[${index}]`;
    if (!isRecord(toleration)) return [invalid(at, toleration, 'must be an object')];
    const errors: FieldError[] = [];
    if (toleration.operator !== undefined && !isOneOf(toleration.operator, TOLERATION_OPERATORS)) errors.push(unsupported(`${at}.operator`, toleration.operator, TOLERATION_OPERATORS));
    if (toleration.effect !== undefined && toleration.effect !== '' && !isOneOf(toleration.effect, TAINT_EFFECTS)) errors.push(unsupported(`${at}.effect`, toleration.effect, TAINT_EFFECTS));
    if (toleration.operator === 'Exists' && toleration.value !== undefined && toleration.value !== '') errors.push(invalid(`${at}.operator`, toleration.operator, 'value must be empty when `operator` is \'Exists\''));
    return errors;
  });
}

/** Validates a pod spec; `allowedRestartPolicies` narrows the choice for pod templates of controllers. */
export function validatePodSpec(path: string, spec: unknown, allowedRestartPolicies: readonly string[] = RESTART_POLICIES): FieldError[] {
  if (!isRecord(spec)) return [required(path)];
  const names = new Set<string>();
  const errors = [
    ...validateContainers(`${path}.containers`, spec.containers, names, true),
    ...validateContainers(`${path}.initContainers`, spec.initContainers, names, false),
    ...validateTolerations(`${path}.tolerations`, spec.tolerations),
    ...validateLabels(`${path}.nodeSelector`, spec.nodeSelector),
    ...validateAffinity(`${path}.affinity`, spec.affinity),
    ...(isRecord(spec.affinity) ? validatePodAffinity(`${path}.affinity.podAffinity`, spec.affinity.podAffinity) : []),
    ...(isRecord(spec.affinity) ? validatePodAffinity(`${path}.affinity.podAntiAffinity`, spec.affinity.podAntiAffinity) : []),
    ...validateTopologySpreadConstraints(`${path}.topologySpreadConstraints`, spec.topologySpreadConstraints),
    ...validateSchedulingGates(`${path}.schedulingGates`, spec.schedulingGates),
    ...validateResourceList(`${path}.overhead`, spec.overhead),
  ];
  if (spec.restartPolicy !== undefined && !isOneOf(spec.restartPolicy, allowedRestartPolicies)) {
    errors.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, allowedRestartPolicies));
  }
  const grace = spec.terminationGracePeriodSeconds;
  if (grace !== undefined && (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0)) {
    errors.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than or equal to 0'));
  }
  if (spec.nodeName !== undefined && typeof spec.nodeName !== 'string') errors.push(invalid(`${path}.nodeName`, spec.nodeName, 'must be a string'));
  else if (typeof spec.nodeName === 'string' && spec.nodeName !== '') errors.push(...validateDns1123Subdomain(`${path}.nodeName`, spec.nodeName));
  return [...errors, ...validatePriorityFields(path, spec)];
}

/** The fields the Priority admission plugin fills in; a template may state them too. */
function validatePriorityFields(path: string, spec: Json): FieldError[] {
  const { priorityClassName, priority } = spec;
  const errors: FieldError[] = [];
  if (priorityClassName !== undefined && typeof priorityClassName !== 'string') errors.push(invalid(`${path}.priorityClassName`, priorityClassName, 'must be a string'));
  else if (typeof priorityClassName === 'string' && priorityClassName !== '') errors.push(...validateDns1123Subdomain(`${path}.priorityClassName`, priorityClassName));
  if (priority !== undefined && (typeof priority !== 'number' || !Number.isInteger(priority) || Math.abs(priority) > MAX_INT32)) {
    errors.push(invalid(`${path}.priority`, priority, 'must be a 32-bit integer'));
  }
  return [...errors, ...validatePreemptionPolicy(`${path}.preemptionPolicy`, spec.preemptionPolicy)];
}
