// DaemonSets (apps/v1), defaulted and validated as upstream's SetDefaults_DaemonSet and
// ValidateDaemonSetSpec: RollingUpdate with one unavailable and no surge (both zero refused), ten
// revisions of history; the selector may not change.

import { describeDaemonSet } from '../describe/daemonset.ts';
import { sameJson } from '../../core/canonical-json.ts';
import type { DaemonSet, DaemonSetStatus } from '../../core/workloads.ts';
import { daemonSetColumns } from '../printers/workloads.ts';
import { type FieldError, invalid, unsupported } from '../validation/field-errors.ts';
import { isRecord, validateCount, validateIntOrPercent, validateSelector, validateTemplate } from '../validation/workload.ts';
import { DAEMON_SET_FIELDS } from '../schema/apps.ts';
import { specOf, withDefaultedTemplate, workloadKind } from './workload-kind.ts';
import { withFields } from '../../core/with-fields.ts';

function defaults(set: DaemonSet): DaemonSet {
  const spec = specOf(set);
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {};
  const type = strategy.type ?? 'RollingUpdate';
  const given = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const rollingUpdate = type === 'RollingUpdate' ? { maxUnavailable: 1, maxSurge: 0, ...given } : strategy.rollingUpdate;
  return {
    ...set,
    spec: {
      revisionHistoryLimit: 10,
      ...spec,
      updateStrategy: withFields(strategy, { type, ...(rollingUpdate === undefined ? {} : { rollingUpdate }) }),
      template: withDefaultedTemplate(spec.template),
    },
  } as DaemonSet;
}

function isZero(value: unknown): boolean {
  return value === 0 || value === '0%';
}

function validateStrategy(strategy: Record<string, unknown>): FieldError[] {
  const path = 'spec.updateStrategy';
  if (strategy.type === 'OnDelete') return [];
  if (strategy.type !== 'RollingUpdate') return [unsupported(`${path}.type`, strategy.type, ['OnDelete', 'RollingUpdate'])];
  const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const errors = [...validateIntOrPercent(`${path}.rollingUpdate.maxUnavailable`, rolling.maxUnavailable), ...validateIntOrPercent(`${path}.rollingUpdate.maxSurge`, rolling.maxSurge)];
  if (isZero(rolling.maxUnavailable) && isZero(rolling.maxSurge)) {
    errors.push(invalid(`${path}.rollingUpdate.maxUnavailable`, rolling.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  return errors;
}

function validate(set: DaemonSet): FieldError[] {
  const spec = specOf(set);
  const selectorErrors = validateSelector('spec.selector', spec.selector, 'empty selector is invalid for daemonset');
  return [
    ...selectorErrors,
    ...validateTemplate('spec.template', spec.template, spec.selector, ['Always'], selectorErrors.length === 0),
    ...validateCount('spec.minReadySeconds', spec.minReadySeconds),
    ...validateCount('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...validateStrategy(isRecord(spec.updateStrategy) ? spec.updateStrategy : {}),
  ];
}

export function tellDaemonSetStatus(status: unknown): string {
  const { desiredNumberScheduled, currentNumberScheduled, numberReady, updatedNumberScheduled } = (status ?? {}) as Partial<DaemonSetStatus>;
  return `${desiredNumberScheduled ?? 0} desired, ${currentNumberScheduled ?? 0} current, ${numberReady ?? 0} ready, ${updatedNumberScheduled ?? 0} updated`;
}

/** The annotation upstream's DaemonSet strategy keeps, counting changes of the pod template. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

function withTemplateGeneration(set: DaemonSet, generation: number): DaemonSet {
  return { ...set, metadata: withFields(set.metadata, { annotations: withFields(set.metadata.annotations ?? {}, { [TEMPLATE_GENERATION_ANNOTATION]: String(generation) }) }) };
}

function templateGeneration(set: DaemonSet): number {
  const value = Number(set.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? '0');
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export const DAEMON_SET = workloadKind<DaemonSet>({
  names: { kind: 'DaemonSet', group: 'apps', version: 'v1', plural: 'daemonsets', shortNames: ['ds'], namespaced: true, categories: ['all'] },
  fields: DAEMON_SET_FIELDS,
  scale: false,
  defaults,
  validate,
  validateUpdate: (next, current) => (sameJson(next.spec.selector, current.spec.selector) ? [] : [invalid('spec.selector', next.spec.selector, 'field is immutable')]),
  prepareCreate: (set) => withTemplateGeneration(set, 1),
  // As the strategy's PrepareForUpdate: a new template moves the generation on.
  prepareUpdate: (next, current) => {
    const generation = templateGeneration(current) || 1;
    return withTemplateGeneration(next, sameJson(next.spec.template, current.spec.template) ? generation : generation + 1);
  },
  initialStatus: () => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
  template: (set) => set.spec.template,
  describe: (w, object, context) => describeDaemonSet(w, object, context),
  columns: daemonSetColumns,
  tellStatus: tellDaemonSetStatus,
});
