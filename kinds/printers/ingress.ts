// Ingresses print NAME CLASS HOSTS ADDRESS PORTS AGE and IngressClasses NAME CONTROLLER
// PARAMETERS AGE, as kubectl's printers.go printIngress and printIngressClass do.

import type { Ingress, IngressClass } from '../networking/shapes.ts';
import { ageSince } from './time.ts';

/** Past this width kubectl cuts a load balancer's address list short (loadBalancerWidth). */
const LOAD_BALANCER_WIDTH = 16;
/** formatHosts names at most three hosts. */
const MAX_HOSTS = 3;

export function formatHosts(ingress: Ingress): string {
  const rules = ingress.spec?.rules ?? [];
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === MAX_HOSTS) more = true;
    if (!more && rule.host !== undefined && rule.host !== '') list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const joined = list.join(',');
  return more ? `${joined} + ${rules.length - MAX_HOSTS} more...` : joined;
}

export function formatIngressAddress(ingress: Ingress, wide: boolean): string {
  const addresses = (ingress.status?.loadBalancer?.ingress ?? []).flatMap((entry) => [entry.ip, entry.hostname].filter((value): value is string => value !== undefined && value !== ''));
  const joined = addresses.join(',');
  return !wide && joined.length > LOAD_BALANCER_WIDTH ? `${joined.slice(0, LOAD_BALANCER_WIDTH)}...` : joined;
}

export function ingressHeaders(): string[] {
  return ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'];
}

export function ingressRow(ingress: Ingress, wide: boolean, nowMs: number): string[] {
  return [
    ingress.metadata.name,
    ingress.spec?.ingressClassName ?? '<none>',
    formatHosts(ingress),
    formatIngressAddress(ingress, wide),
    (ingress.spec?.tls ?? []).length > 0 ? '80, 443' : '80',
    ageSince(ingress.metadata.creationTimestamp, nowMs),
  ];
}

export function ingressClassHeaders(): string[] {
  return ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'];
}

interface Parameters {
  readonly apiGroup?: string;
  readonly kind?: string;
  readonly name?: string;
}

export function ingressClassRow(ingressClass: IngressClass, nowMs: number): string[] {
  const parameters = (ingressClass.spec as { parameters?: Parameters } | undefined)?.parameters;
  const shown = parameters === undefined ? '<none>' : `${parameters.kind ?? ''}${parameters.apiGroup === undefined ? '' : `.${parameters.apiGroup}`}/${parameters.name ?? ''}`;
  return [ingressClass.metadata.name, ingressClass.spec?.controller ?? '', shown, ageSince(ingressClass.metadata.creationTimestamp, nowMs)];
}
