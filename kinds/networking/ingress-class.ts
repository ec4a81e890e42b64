// Which Ingresses a controller serves: those whose class (spec.ingressClassName, or the legacy
// kubernetes.io/ingress.class annotation, or else the cluster's default IngressClass) names an
// IngressClass with the controller's name. An Ingress whose class does not exist is nobody's.

import { listObjects } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { Ingress, IngressClass } from './shapes.ts';

/** The controller name ksim's simulated ingress controller answers to. */
export const KSIM_INGRESS_CONTROLLER = 'ksim.io/ingress';

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** The default class, as upstream's admission picks one: the newest marked default (then by name). */
export function defaultIngressClass(classes: readonly IngressClass[]): IngressClass | undefined {
  const marked = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  return [...marked].sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name))[0];
}

/** The class name an Ingress asks for, or undefined when it asks for none. */
export function classNameOf(ingress: Ingress): string | undefined {
  return ingress.spec?.ingressClassName ?? ingress.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
}

/** The names of the classes whose controller is `controller`. */
function classesOf(classes: readonly IngressClass[], controller: string): Set<string> {
  return new Set(classes.filter((c) => c.spec?.controller === controller).map((c) => c.metadata.name));
}

function servedTest(state: ClusterState, controller: string): (ingress: Ingress) => boolean {
  const classes = listObjects<IngressClass>(state, 'IngressClass');
  const mine = classesOf(classes, controller);
  const fallback = defaultIngressClass(classes)?.metadata.name;
  return (ingress) => {
    const name = classNameOf(ingress) ?? fallback;
    return name !== undefined && mine.has(name);
  };
}

/** Whether the controller serves this Ingress. */
export function isServedBy(state: ClusterState, controller: string, ingress: Ingress): boolean {
  return servedTest(state, controller)(ingress);
}

/** Every Ingress the controller serves, sorted by namespace and name. */
export function ingressesServedBy(state: ClusterState, controller: string): Ingress[] {
  return listObjects<Ingress>(state, 'Ingress').filter(servedTest(state, controller));
}
