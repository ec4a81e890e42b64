// Probes and container restart policies, validated as upstream's validateProbe,
// validateInitContainers and validateContainers do (pkg/apis/core/validation/validation.go):
// exactly one handler, no negative numbers, successThreshold 1 for liveness and startup probes,
// no probes on a regular init container, and restartPolicy only "Always" and only on init
// containers (the native sidecars).

import { type FieldError, forbidden, invalid, required, unsupported } from './field-errors.ts';
import { withFields } from '../../core/with-fields.ts';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

function validateProbe(path: string, probe: unknown, field: (typeof PROBES)[number]): FieldError[] {
  if (!isRecord(probe)) return [invalid(path, probe, 'must be an object')];
  const errors: FieldError[] = [];
  const handlers = HANDLERS.filter((handler) => probe[handler] !== undefined);
  if (handlers.length === 0) errors.push(required(path, 'must specify a handler type'));
  if (handlers.length > 1) errors.push(forbidden(`${path}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  for (const count of COUNTS) {
    const value = probe[count];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) {
      errors.push(invalid(`${path}.${count}`, value, 'must be greater than or equal to 0'));
    }
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && (typeof grace !== 'number' || grace <= 0)) errors.push(invalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  const success = probe.successThreshold;
  if (field !== 'readinessProbe' && success !== undefined && success !== 1) errors.push(invalid(`${path}.successThreshold`, success, 'must be 1'));
  return errors;
}

/** The probes and restartPolicy of one container; `init` for spec.initContainers. */
export function validateContainerLifecycle(path: string, container: Json, init: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const policy = container.restartPolicy;
  if (policy !== undefined) {
    if (!init) errors.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
    else if (policy !== 'Always') errors.push(unsupported(`${path}.restartPolicy`, policy, ['Always']));
  }
  const sidecar = init && policy === 'Always';
  for (const field of PROBES) {
    if (container[field] === undefined) continue;
    if (init && !sidecar) errors.push(forbidden(`${path}.${field}`, 'may not be set for init containers without restartPolicy=Always'));
    else errors.push(...validateProbe(`${path}.${field}`, container[field], field));
  }
  return errors;
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction: what the API server stores for a probe. */
export function defaultProbe(probe: unknown): unknown {
  if (!isRecord(probe)) return probe;
  const http = probe.httpGet;
  // An unset or zero field takes the default, as the int32 fields' zero value reads as unset.
  const or = (key: string, fallback: number) => (probe[key] === undefined || probe[key] === 0 ? fallback : probe[key]);
  return withFields(probe, {
    timeoutSeconds: or('timeoutSeconds', 1),
    periodSeconds: or('periodSeconds', 10),
    successThreshold: or('successThreshold', 1),
    failureThreshold: or('failureThreshold', 3),
    ...(isRecord(http) ? { httpGet: withFields(http, { path: http.path || '/', scheme: http.scheme || 'HTTP' }) } : {}),
  });
}
