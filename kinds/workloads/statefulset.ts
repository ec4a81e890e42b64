// StatefulSets (apps/v1), defaulted and validated as upstream's SetDefaults_StatefulSet and
// ValidateStatefulSetSpec: one replica, OrderedReady pod management, RollingUpdate from partition
// 0, claims retained when the set is deleted or scaled; after creation only the fields upstream
// lists may change.

import { describeStatefulSet } from '../describe/statefulset.ts';
import { sameJson } from '../../core/canonical-json.ts';
import type { StatefulSet, StatefulSetStatus } from '../../core/workloads.ts';
import { statefulSetColumns } from '../printers/workloads.ts';
import { type FieldError, forbidden, invalid, required, unsupported } from '../validation/field-errors.ts';
import { isRecord, validateCount, validateSelector, validateTemplate } from '../validation/workload.ts';
import { STATEFUL_SET_FIELDS } from '../schema/apps.ts';
import { specOf, withDefaultedTemplate, workloadKind } from './workload-kind.ts';
import { withFields } from '../../core/with-fields.ts';

function defaultedStrategy(given: unknown): Record<string, unknown> {
  const strategy = isRecord(given) ? given : {};
  const type = strategy.type ?? 'RollingUpdate';
  const rolling = strategy.type === undefined && strategy.rollingUpdate === undefined ? {} : strategy.rollingUpdate;
  if (type !== 'RollingUpdate' || !isRecord(rolling)) return withFields(strategy, { type });
  return withFields(strategy, { type, rollingUpdate: { partition: 0, ...rolling } });
}

function defaults(set: StatefulSet): StatefulSet {
  const spec = specOf(set);
  const retention = isRecord(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : {};
  return {
    ...set,
    spec: {
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      ...spec,
      updateStrategy: defaultedStrategy(spec.updateStrategy),
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain', ...retention },
      template: withDefaultedTemplate(spec.template),
    },
  } as StatefulSet;
}

const RETENTION = ['Retain', 'Delete'];

function validateStrategy(strategy: Record<string, unknown>): FieldError[] {
  const path = 'spec.updateStrategy';
  switch (strategy.type) {
    case 'OnDelete':
      return strategy.rollingUpdate === undefined ? [] : [invalid(`${path}.rollingUpdate`, strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'")];
    case 'RollingUpdate': {
      const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
      return validateCount(`${path}.rollingUpdate.partition`, rolling.partition);
    }
    default:
      return [unsupported(`${path}.type`, strategy.type, ['OnDelete', 'RollingUpdate'])];
  }
}

function validateClaimTemplates(templates: unknown): FieldError[] {
  if (templates === undefined) return [];
  if (!Array.isArray(templates)) return [invalid('spec.volumeClaimTemplates', templates, 'must be a list of claim templates')];
  return templates.flatMap((template: unknown, index) => {
    const name = isRecord(template) && isRecord(template.metadata) ? template.metadata.name : undefined;
    return typeof name === 'string' && name !== '' ? [] : [required(`spec.volumeClaimTemplates[${index}].metadata.name`)];
  });
}

function validate(set: StatefulSet): FieldError[] {
  const spec = specOf(set);
  const retention = isRecord(spec.persistentVolumeClaimRetentionPolicy) ? spec.persistentVolumeClaimRetentionPolicy : {};
  const selectorErrors = validateSelector('spec.selector', spec.selector, 'empty selector is invalid for statefulset');
  const errors = [
    ...validateCount('spec.replicas', spec.replicas),
    ...validateCount('spec.minReadySeconds', spec.minReadySeconds),
    ...validateCount('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...selectorErrors,
    ...validateTemplate('spec.template', spec.template, spec.selector, ['Always'], selectorErrors.length === 0),
    ...validateStrategy(isRecord(spec.updateStrategy) ? spec.updateStrategy : {}),
    ...validateClaimTemplates(spec.volumeClaimTemplates),
  ];
  if (spec.podManagementPolicy !== 'OrderedReady' && spec.podManagementPolicy !== 'Parallel') {
    errors.push(unsupported('spec.podManagementPolicy', spec.podManagementPolicy, ['OrderedReady', 'Parallel']));
  }
  for (const field of ['whenDeleted', 'whenScaled']) {
    if (!RETENTION.includes(retention[field] as string)) errors.push(unsupported(`spec.persistentVolumeClaimRetentionPolicy.${field}`, retention[field], RETENTION));
  }
  return errors;
}

const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/** ValidateStatefulSetUpdate: everything but the mutable fields must stay as it was. */
function validateUpdate(next: StatefulSet, current: StatefulSet): FieldError[] {
  const rest = (set: StatefulSet) => Object.fromEntries(Object.entries(set.spec).filter(([field]) => !MUTABLE.includes(field)));
  if (sameJson(rest(next), rest(current))) return [];
  return [
    forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

export function tellStatefulSetStatus(status: unknown): string {
  const { replicas, readyReplicas, currentReplicas, updatedReplicas } = (status ?? {}) as Partial<StatefulSetStatus>;
  return `${replicas ?? 0} replicas, ${readyReplicas ?? 0} ready, ${currentReplicas ?? 0} current, ${updatedReplicas ?? 0} updated`;
}

export const STATEFUL_SET = workloadKind<StatefulSet>({
  names: { kind: 'StatefulSet', group: 'apps', version: 'v1', plural: 'statefulsets', shortNames: ['sts'], namespaced: true, categories: ['all'] },
  fields: STATEFUL_SET_FIELDS,
  scale: true,
  defaults,
  validate,
  validateUpdate,
  initialStatus: () => ({ replicas: 0, availableReplicas: 0 }),
  template: (set) => set.spec.template,
  describe: (w, object, context) => describeStatefulSet(w, object, context),
  columns: statefulSetColumns,
  tellStatus: tellStatefulSetStatus,
});
