// What ksim knows of a kind, declared once: its names and scope, how the API server defaults and
// validates it, its subresources and deletion default, how `kubectl get` and `describe` print it,
// and how the story tells its status. Upstream spreads this over the scheme, each resource's REST
// strategy and table convertor, and kubectl's describers; here admission, the readers of the log
// and the CLI all read one declaration, so adding a kind is one file plus its controller.

import type { PropagationPolicy } from '../core/commands.ts';
import type { KubeObject } from '../core/objects.ts';
import type { ClusterState } from '../reducers/state.ts';
import type { DescribeWriter } from './describe/describe-writer.ts';
import type { StructType } from './schema/field-types.ts';
import type { ServiceNetwork } from './network/service-network.ts';
import type { FieldError } from './validation/field-errors.ts';

/** Defaulting and validation's verdict: the object to store, or why not. */
export type Prepared<T extends KubeObject> = { readonly object: T } | { readonly errors: readonly FieldError[] };

/** An admission plugin's verdict: the object, perhaps changed, or why the request is forbidden. */
export type Admitted<T extends KubeObject> = { readonly object: T } | { readonly forbidden: string };

/** What a kind's storage may read besides the state: the cluster's settings (the Service network). */
export interface AdmissionContext {
  readonly network: ServiceNetwork;
}

export interface PrintContext {
  readonly state: ClusterState;
  /** The moment ages are measured from. */
  readonly nowMs: number;
}

export interface Printer<T extends KubeObject> {
  headers(wide: boolean): readonly string[];
  row(object: T, wide: boolean, context: PrintContext): readonly string[];
}

export interface KindNames {
  readonly kind: string;
  /** "" for the core group. */
  readonly group: string;
  readonly version: string;
  readonly plural: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  /** kubectl's categories; "all" puts the kind in `kubectl get all`. */
  readonly categories?: readonly string[];
  /** Names must be RFC 1123 labels (Namespaces, Services) rather than subdomains. */
  readonly nameIsLabel?: boolean;
}

export interface KindDefinition<T extends KubeObject = KubeObject> extends KindNames {
  /**
   * The kind's known fields, as upstream's Go types declare them: the API server decodes every
   * request against it (a field it does not know is an unknown field), and expectations check
   * their paths against it.
   */
  readonly fields: StructType;
  /** metadata.generation starts at 1 and counts changes of spec. */
  readonly generation: boolean;
  /** Status is written only through the status subresource; applies and updates keep it. */
  readonly statusSubresource: boolean;
  /** spec.replicas can be set through the scale subresource. */
  readonly scale: boolean;
  /** What a delete that names no propagation policy does (the strategy's DefaultGarbageCollectionPolicy). */
  readonly defaultPropagation: PropagationPolicy;
  /**
   * Why objects of this kind are stored but not acted on, when no ksim component simulates the
   * kind; the story warns when one is applied.
   */
  readonly notSimulated?: string;
  /**
   * The admission plugins that act on the kind (upstream's Priority plugin for pods and priority
   * classes). They run before the kind's own validation, as kube-apiserver runs admission before
   * the REST strategy validates; a refusal is a 403 Forbidden.
   */
  admitCreate?(object: T, state: ClusterState): Admitted<T>;
  admitUpdate?(next: T, current: T, state: ClusterState): Admitted<T>;
  /**
   * Validating admission of a create, after the kind's validation (upstream's LimitRanger checks
   * of pods and claims); the ResourceQuota plugin runs after it for every kind.
   */
  validateAdmission?(object: T, state: ClusterState): Admitted<T>;
  /** Defaults, validates and gives the initial status of a new object (metadata already set). */
  prepareForCreate(object: T, state: ClusterState, context: AdmissionContext): Prepared<T>;
  /** Defaults and validates an update of `current` to `next` (immutable fields, ...). */
  prepareForUpdate(next: T, current: T, state: ClusterState, context: AdmissionContext): Prepared<T>;
  readonly printer: Printer<T>;
  /** `kubectl describe`'s page, before the Events table, which the CLI adds. */
  describe(w: DescribeWriter, object: T, context: PrintContext): void;
  /** A few words on a status change, for the story ("3 current, 2 ready"). */
  tellStatus?(status: unknown): string;
  /** Fields stored but not acted on, one warning each ("spec.affinity.podAffinity is not simulated"). */
  warnings?(object: T): readonly string[];
}

export function apiVersionOf(names: KindNames): string {
  return names.group === '' ? names.version : `${names.group}/${names.version}`;
}

/** "pods", or "replicasets.apps": the resource as upstream names it in messages. */
export function qualifiedResourceOf(names: KindNames): string {
  return names.group === '' ? names.plural : `${names.plural}.${names.group}`;
}

/** "Pod", or "ReplicaSet.apps": the kind as upstream names it in Invalid messages. */
export function qualifiedKindOf(names: KindNames): string {
  return names.group === '' ? names.kind : `${names.kind}.${names.group}`;
}
