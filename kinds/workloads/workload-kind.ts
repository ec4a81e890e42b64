// What every workload kind shares: generation counted on spec changes, status written by its
// controller, templates defaulted like pods, warnings for pod fields the simulation ignores, and
// the kind's own defaults, validation and columns plugged in.

import type { KubeObject, PodTemplateSpec } from '../../core/objects.ts';
import type { KindDefinition, KindNames, Prepared } from '../definition.ts';
import type { StructType } from '../schema/field-types.ts';
import { describeGeneric } from '../describe/generic.ts';
import type { FieldError } from '../validation/field-errors.ts';
import { defaultPodSpec } from '../validation/pod-defaults.ts';
import { podSpecWarnings } from '../validation/pod-warnings.ts';
import { withFields } from '../../core/with-fields.ts';

export interface WorkloadParts<T extends KubeObject> {
  readonly names: KindNames;
  /** The kind's known fields (see KindDefinition.fields). */
  readonly fields: StructType;
  readonly scale: boolean;
  readonly defaultPropagation?: KindDefinition['defaultPropagation'];
  /**
   * Upstream's SetDefaults_<Kind> on the object as given (metadata already set). It runs before
   * validation, as in the API server, so it must leave alone whatever is not the shape it expects.
   */
  defaults(object: T): T;
  /** Validation of the defaulted object. */
  validate(object: T): FieldError[];
  /** Extra rules for an update: immutable fields, forbidden changes. */
  validateUpdate?(next: T, current: T): FieldError[];
  /** What the strategy's PrepareForCreate adds past defaulting (a DaemonSet's template generation). */
  prepareCreate?(object: T): T;
  /** What the strategy's PrepareForUpdate adds, given the object before (the template generation moves). */
  prepareUpdate?(next: T, current: T): T;
  initialStatus(object: T): unknown;
  /** Where the kind keeps its pod template. */
  template(object: T): PodTemplateSpec | undefined;
  readonly columns: { headers(wide: boolean): string[]; row(object: T, wide: boolean, nowMs: number): string[] };
  tellStatus?(status: unknown): string;
  describe?: KindDefinition<T>['describe'];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A template with its pod spec defaulted, as the API server stores templates; anything else as given. */
export function withDefaultedTemplate(template: unknown): PodTemplateSpec {
  if (!isRecord(template) || !isRecord(template.spec) || !Array.isArray(template.spec.containers)) return template as PodTemplateSpec;
  const spec = template.spec as unknown as PodTemplateSpec['spec'];
  return { ...(template as unknown as PodTemplateSpec), spec: defaultPodSpec(spec) };
}

/** The spec as a record, or an empty one for junk (validation says what is wrong with it). */
export function specOf(object: KubeObject): Record<string, unknown> {
  return isRecord(object.spec) ? object.spec : {};
}

export function workloadKind<T extends KubeObject>(parts: WorkloadParts<T>): KindDefinition<T> {
  const prepare = (object: T): Prepared<T> => {
    const defaulted = parts.defaults(object);
    const errors = parts.validate(defaulted);
    return errors.length > 0 ? { errors } : { object: defaulted };
  };
  return {
    fields: parts.fields,
    ...parts.names,
    generation: true,
    statusSubresource: true,
    scale: parts.scale,
    defaultPropagation: parts.defaultPropagation ?? 'Background',
    prepareForCreate: (object) => {
      const prepared = prepare(object);
      if ('errors' in prepared) return prepared;
      const created = parts.prepareCreate?.(prepared.object) ?? prepared.object;
      return { object: withFields(created, { status: parts.initialStatus(created) }) };
    },
    prepareForUpdate: (next, current) => {
      const prepared = prepare(next);
      if ('errors' in prepared) return prepared;
      const updateErrors = parts.validateUpdate?.(prepared.object, current) ?? [];
      if (updateErrors.length > 0) return { errors: updateErrors };
      return { object: parts.prepareUpdate?.(prepared.object, current) ?? prepared.object };
    },
    printer: { headers: parts.columns.headers, row: (object, wide, { nowMs }) => parts.columns.row(object, wide, nowMs) },
    describe: parts.describe ?? ((w, object) => describeGeneric(w, object, parts.names.namespaced)),
    ...(parts.tellStatus === undefined ? {} : { tellStatus: parts.tellStatus }),
    warnings: (object) => podSpecWarnings(templatePath(parts.names.kind), parts.template(object)?.spec),
  };
}

function templatePath(kind: string): string {
  return kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
}
