// The Containers section of `kubectl describe` (describe.go describeContainers and its helpers):
// image, ports, command, state, readiness, restarts, resources, probes, environment and mounts.

import type { Container, ContainerState, ContainerStatus, ResourceList } from '../../core/objects.ts';
import { compareStrings } from '../../core/table.ts';
import { rfc1123z } from '../printers/time.ts';
import type { DescribeWriter } from './describe-writer.ts';

interface Port {
  readonly containerPort?: number;
  readonly hostPort?: number;
  readonly protocol?: string;
}

interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?: Readonly<
    Record<
      string,
      {
        readonly name?: string;
        readonly key?: string;
        readonly fieldPath?: string;
        readonly apiVersion?: string;
        readonly resource?: string;
        readonly optional?: boolean;
      }
    >
  >;
}

interface Mount {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
  readonly subPath?: string;
}

function listOf<T>(value: unknown): readonly T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The API server defaults a port's protocol to TCP, and kubectl prints the unset host port as 0. */
function portsText(ports: readonly Port[], field: 'containerPort' | 'hostPort'): string {
  return ports.map((port) => `${port[field] ?? 0}/${port.protocol ?? 'TCP'}`).join(', ');
}

function describePorts(w: DescribeWriter, ports: readonly Port[]): void {
  const containerPorts = portsText(ports, 'containerPort');
  const hostPorts = portsText(ports, 'hostPort');
  w.line(
    2,
    containerPorts.includes(',') ? `Ports:\t${containerPorts}` : `Port:\t${containerPorts || '<none>'}`,
  );
  w.line(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}` : `Host Port:\t${hostPorts || '<none>'}`);
}

function describeCommand(w: DescribeWriter, container: Container): void {
  for (const [title, field] of [
    ['Command', 'command'],
    ['Args', 'args'],
  ] as const) {
    const parts = listOf<string>(container[field]);
    if (parts.length === 0) continue;
    w.line(2, `${title}:`);
    for (const part of parts) for (const piece of part.split('\n')) w.line(3, piece);
  }
}

export function describeState(w: DescribeWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running !== undefined) {
    w.line(2, `${title}:\tRunning`);
    w.line(3, `Started:\t${rfc1123z(state.running.startedAt)}`);
  } else if (state?.terminated !== undefined) {
    const terminated = state.terminated;
    w.line(2, `${title}:\tTerminated`);
    if ((terminated.reason ?? '') !== '') w.line(3, `Reason:\t${terminated.reason}`);
    if (terminated.message !== undefined && terminated.message !== '')
      w.line(3, `Message:\t${terminated.message}`);
    w.line(3, `Exit Code:\t${terminated.exitCode}`);
    w.line(3, `Started:\t${rfc1123z(terminated.startedAt)}`);
    w.line(3, `Finished:\t${rfc1123z(terminated.finishedAt)}`);
  } else {
    w.line(2, `${title}:\tWaiting`);
    const reason = state?.waiting?.reason;
    if (reason !== undefined && reason !== '') w.line(3, `Reason:\t${reason}`);
  }
}

function describeStatus(w: DescribeWriter, status: ContainerStatus): void {
  describeState(w, 'State', status.state);
  if (status.lastState?.terminated !== undefined) describeState(w, 'Last State', status.lastState);
  w.line(2, `Ready:\t${status.ready ? 'True' : 'False'}`);
  w.line(2, `Restart Count:\t${status.restartCount}`);
}

export function describeResourceList(
  w: DescribeWriter,
  level: number,
  title: string,
  list: ResourceList | undefined,
): void {
  const names = Object.keys(list ?? {}).sort(compareStrings);
  if (names.length === 0) return;
  w.line(level, `${title}:`);
  for (const name of names) w.line(level + 1, `${name}:\t${list?.[name]}`);
}

/** describe.go DescribeProbe, with the API server's defaults for unset fields. */
function probeText(probe: Readonly<Record<string, unknown>>): string {
  const number = (field: string, fallback: number) =>
    typeof probe[field] === 'number' ? probe[field] : fallback;
  const attrs = `delay=${number('initialDelaySeconds', 0)}s timeout=${number('timeoutSeconds', 1)}s period=${number('periodSeconds', 10)}s #success=${number('successThreshold', 1)} #failure=${number('failureThreshold', 3)}`;
  const exec = probe.exec as { command?: readonly string[] } | undefined;
  const http = probe.httpGet as
    | { scheme?: string; host?: string; port?: number | string; path?: string }
    | undefined;
  const tcp = probe.tcpSocket as { host?: string; port?: number | string } | undefined;
  if (exec !== undefined) return `exec [${(exec.command ?? []).join(' ')}] ${attrs}`;
  if (http !== undefined)
    return `http-get ${(http.scheme ?? 'HTTP').toLowerCase()}://${http.host ?? ''}:${http.port ?? ''}${http.path ?? ''} ${attrs}`;
  if (tcp !== undefined) return `tcp-socket ${tcp.host ?? ''}:${tcp.port ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeProbes(w: DescribeWriter, container: Container): void {
  for (const [title, field] of [
    ['Liveness', 'livenessProbe'],
    ['Readiness', 'readinessProbe'],
    ['Startup', 'startupProbe'],
  ] as const) {
    const probe = container[field];
    if (typeof probe === 'object' && probe !== null)
      w.line(2, `${title}:\t${probeText(probe as Record<string, unknown>)}`);
  }
}

function envText(env: EnvVar): string {
  const from = env.valueFrom ?? {};
  if (from.fieldRef !== undefined)
    return `${env.name}:\t (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath ?? ''})`;
  if (from.resourceFieldRef !== undefined) return `${env.name}:\t (${from.resourceFieldRef.resource ?? ''})`;
  if (from.secretKeyRef !== undefined) {
    return `${env.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name}'>\tOptional: ${from.secretKeyRef.optional === true}`;
  }
  if (from.configMapKeyRef !== undefined) {
    return `${env.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name}'>\tOptional: ${from.configMapKeyRef.optional === true}`;
  }
  return `${env.name}:\t${env.value ?? ''}`;
}

function describeEnvironment(w: DescribeWriter, container: Container): void {
  const env = listOf<EnvVar>(container.env);
  w.line(2, env.length === 0 ? 'Environment:\t<none>' : 'Environment:');
  for (const variable of env) {
    const [first, ...rest] = envText(variable).split('\n');
    w.line(3, first ?? '');
    for (const more of rest) w.line(3, `\t${more}`);
  }
}

function describeMounts(w: DescribeWriter, container: Container): void {
  const mounts = [...listOf<Mount>(container.volumeMounts)].sort((a, b) =>
    compareStrings(a.mountPath, b.mountPath),
  );
  w.line(2, mounts.length === 0 ? 'Mounts:\t<none>' : 'Mounts:');
  for (const mount of mounts) {
    const flags = [
      mount.readOnly === true ? 'ro' : 'rw',
      ...(mount.subPath ? [`path="${mount.subPath}"`] : []),
    ];
    w.line(3, `${mount.mountPath} from ${mount.name} (${flags.join(',')})`);
  }
}

/** A pod's containers with their statuses, or a template's (statuses undefined, space "  "). */
export function describeContainers(
  w: DescribeWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
): void {
  w.line(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}`);
  const byName = new Map((statuses ?? []).map((status) => [status.name, status]));
  for (const container of containers) {
    const status = byName.get(container.name);
    w.line(1, `${space === '' ? '' : ' '}${container.name}:`);
    if (status !== undefined) w.line(2, `Container ID:\t${status.containerID ?? ''}`);
    w.line(2, `Image:\t${container.image}`);
    if (status !== undefined) w.line(2, `Image ID:\t${status.imageID ?? ''}`);
    describePorts(w, listOf<Port>(container.ports));
    describeCommand(w, container);
    if (status !== undefined) describeStatus(w, status);
    describeResourceList(w, 2, 'Limits', container.resources?.limits);
    describeResourceList(w, 2, 'Requests', container.resources?.requests);
    describeProbes(w, container);
    describeEnvironment(w, container);
    describeMounts(w, container);
  }
}
