// A container's probes as the kubelet's probe workers read them: the timing fields with the API
// server's defaults (SetDefaults_Probe: period 10 s, timeout 1 s, success 1, failure 3; the
// initial delay 0), and the handler, which decides the words of a failed probe's event and
// whether a slow answer can time it out.
// Stored pods are defaulted already; the defaults here cover pods built without the API server.

import type { Container } from '../../core/objects.ts';
import { withFields } from '../../core/with-fields.ts';

export type ProbeType = 'startup' | 'readiness' | 'liveness';

export type ProbeHandler =
  | { readonly kind: 'exec'; readonly command: readonly string[] }
  | { readonly kind: 'httpGet'; readonly scheme: string; readonly host?: string; readonly port: string; readonly path: string }
  | { readonly kind: 'tcpSocket'; readonly host?: string; readonly port: string }
  | { readonly kind: 'grpc'; readonly port: string };

export interface ProbeSpec {
  readonly type: ProbeType;
  readonly initialDelayMs: number;
  readonly periodMs: number;
  readonly timeoutMs: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
  /** probe.terminationGracePeriodSeconds: the grace of a kill after a liveness or startup failure. */
  readonly terminationGraceMs?: number;
  readonly handler: ProbeHandler;
}

export interface ContainerProbes {
  readonly startup?: ProbeSpec;
  readonly readiness?: ProbeSpec;
  readonly liveness?: ProbeSpec;
}

type Json = Record<string, unknown>;

const FIELD_OF: Readonly<Record<ProbeType, string>> = {
  startup: 'startupProbe',
  readiness: 'readinessProbe',
  liveness: 'livenessProbe',
};

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number of seconds, or the default when unset or zero (as SetDefaults_Probe treats 0). */
function seconds(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A named port resolves through the container's ports, as the prober's findPortByName does. */
function portOf(value: unknown, container: Container): string {
  if (typeof value === 'number') return String(value);
  const name = typeof value === 'string' ? value : '';
  const ports = Array.isArray(container.ports) ? (container.ports as unknown[]) : [];
  const named = ports.find((port) => isRecord(port) && port.name === name);
  return isRecord(named) && typeof named.containerPort === 'number' ? String(named.containerPort) : name;
}

function handlerOf(probe: Json, container: Container): ProbeHandler {
  const http = probe.httpGet;
  if (isRecord(http)) {
    return {
      kind: 'httpGet',
      scheme: typeof http.scheme === 'string' && http.scheme !== '' ? http.scheme : 'HTTP',
      ...(typeof http.host === 'string' && http.host !== '' ? { host: http.host } : {}),
      port: portOf(http.port, container),
      path: typeof http.path === 'string' && http.path !== '' ? http.path : '/',
    };
  }
  const tcp = probe.tcpSocket;
  if (isRecord(tcp)) {
    return {
      kind: 'tcpSocket',
      ...(typeof tcp.host === 'string' && tcp.host !== '' ? { host: tcp.host } : {}),
      port: portOf(tcp.port, container),
    };
  }
  const grpc = probe.grpc;
  if (isRecord(grpc)) return { kind: 'grpc', port: portOf(grpc.port, container) };
  const command = isRecord(probe.exec) && Array.isArray(probe.exec.command) ? probe.exec.command : [];
  return { kind: 'exec', command: command.map((part) => String(part)) };
}

export function probeOf(container: Container, type: ProbeType): ProbeSpec | undefined {
  const probe = container[FIELD_OF[type]];
  if (!isRecord(probe)) return undefined;
  const grace = probe.terminationGracePeriodSeconds;
  return {
    type,
    initialDelayMs:
      typeof probe.initialDelaySeconds === 'number' && probe.initialDelaySeconds > 0
        ? Math.floor(probe.initialDelaySeconds) * 1000
        : 0,
    periodMs: seconds(probe.periodSeconds, 10) * 1000,
    timeoutMs: seconds(probe.timeoutSeconds, 1) * 1000,
    successThreshold: seconds(probe.successThreshold, 1),
    failureThreshold: seconds(probe.failureThreshold, 3),
    ...(typeof grace === 'number' && grace > 0 ? { terminationGraceMs: grace * 1000 } : {}),
    handler: handlerOf(probe, container),
  };
}

export function probesOf(container: Container): ContainerProbes {
  const startup = probeOf(container, 'startup');
  const readiness = probeOf(container, 'readiness');
  const liveness = probeOf(container, 'liveness');
  return withFields(startup === undefined ? {} : { startup }, readiness === undefined ? {} : { readiness }, liveness === undefined ? {} : { liveness });
}

/** "Liveness", "Readiness", "Startup": probeType.String() in upstream's event messages. */
export function probeTypeName(type: ProbeType): string {
  return type === 'liveness' ? 'Liveness' : type === 'readiness' ? 'Readiness' : 'Startup';
}
