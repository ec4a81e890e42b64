// Which Service an Ingress sends a request to, by the rules of the Ingress API
// (networking.k8s.io/v1 docs, "Path types" and "Hostname wildcards"):
// - Exact matches the path exactly, case-sensitively; Prefix matches element by element, split
//   on "/" (/foo/bar matches /foo/bar/baz, not /foo/barbaz; a trailing slash is ignored; "/"
//   matches everything). ksim's controller treats ImplementationSpecific as Prefix.
// - A host matches exactly, or a wildcard "*.foo.com" matches exactly one more label; a rule with
//   no host matches every host. A rule for the exact host is preferred to a wildcard, a wildcard
//   to a rule with no host.
// - Among paths that match, the longest wins, and Exact beats Prefix on a tie. Without a match
//   the defaultBackend takes the request, or nothing does (the controller's 404).

import type { Ingress, IngressPath, PathType, ServiceBackend } from './shapes.ts';

export interface IngressRoute {
  /** "namespace/name" of the Ingress. */
  readonly ingress: string;
  readonly namespace: string;
  readonly backend: ServiceBackend;
  /** The path that matched, or undefined for the defaultBackend. */
  readonly path?: string;
}

function elements(path: string): string[] {
  return path.split('/').filter((element) => element !== '');
}

export function pathMatches(pathType: PathType, rulePath: string, requestPath: string): boolean {
  if (pathType === 'Exact') return rulePath === requestPath;
  const prefix = elements(rulePath);
  const request = elements(requestPath);
  if (prefix.length > request.length) return false;
  return prefix.every((element, index) => element === request[index]);
}

/** 2 for the exact host, 1 for a wildcard that matches, 0 for a rule with no host, -1 for no match. */
export function hostMatchRank(ruleHost: string | undefined, host: string): number {
  if (ruleHost === undefined || ruleHost === '') return 0;
  const wanted = host.toLowerCase();
  const rule = ruleHost.toLowerCase();
  if (!rule.startsWith('*.')) return rule === wanted ? 2 : -1;
  const dot = wanted.indexOf('.');
  return dot > 0 && wanted.slice(dot + 1) === rule.slice(2) ? 1 : -1;
}

interface Candidate {
  readonly route: IngressRoute;
  readonly hostRank: number;
  readonly pathLength: number;
  readonly exact: boolean;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.hostRank !== b.hostRank) return a.hostRank > b.hostRank;
  if (a.pathLength !== b.pathLength) return a.pathLength > b.pathLength;
  return a.exact && !b.exact;
}

function candidatesOf(ingress: Ingress, host: string, requestPath: string): Candidate[] {
  const namespace = ingress.metadata.namespace ?? 'default';
  const key = `${namespace}/${ingress.metadata.name}`;
  const found: Candidate[] = [];
  for (const rule of ingress.spec?.rules ?? []) {
    const hostRank = hostMatchRank(rule.host, host);
    if (hostRank < 0) continue;
    for (const path of rule.http?.paths ?? ([] as IngressPath[])) {
      const rulePath = path.path ?? '/';
      const pathType = path.pathType ?? 'ImplementationSpecific';
      const service = path.backend.service;
      if (service === undefined || !pathMatches(pathType, rulePath, requestPath)) continue;
      found.push({ route: { ingress: key, namespace, backend: service, path: rulePath }, hostRank, pathLength: rulePath.length, exact: pathType === 'Exact' });
    }
  }
  return found;
}

/** The backend for a request to `host` and `requestPath` across the Ingresses one controller serves. */
export function routeIngress(ingresses: readonly Ingress[], host: string, requestPath: string): IngressRoute | undefined {
  let best: Candidate | undefined;
  for (const ingress of ingresses) {
    for (const candidate of candidatesOf(ingress, host, requestPath)) if (best === undefined || better(candidate, best)) best = candidate;
  }
  if (best !== undefined) return best.route;
  for (const ingress of ingresses) {
    const service = ingress.spec?.defaultBackend?.service;
    if (service !== undefined) return { ingress: `${ingress.metadata.namespace ?? 'default'}/${ingress.metadata.name}`, namespace: ingress.metadata.namespace ?? 'default', backend: service };
  }
  return undefined;
}
