// ReplicationControllers (core/v1): the older ReplicaSet with an equality-based selector. As
// upstream's SetDefaults_ReplicationController, a missing selector or labels come from the
// template's labels; deleting one orphans its pods unless told otherwise (v1's default policy).

import { describeReplicationController } from '../describe/replicationcontroller.ts';
import type { ReplicationController } from '../../core/workloads.ts';
import { replicationControllerColumns } from '../printers/workloads.ts';
import { tellReplicaStatus } from '../builtin/replicaset.ts';
import { type FieldError, required, validateLabels } from '../validation/field-errors.ts';
import { isRecord, validateCount, validateTemplate } from '../validation/workload.ts';
import { REPLICATION_CONTROLLER_FIELDS } from '../schema/apps.ts';
import { specOf, withDefaultedTemplate, workloadKind } from './workload-kind.ts';
import { withFields } from '../../core/with-fields.ts';

function templateLabels(spec: Record<string, unknown>): Record<string, string> | undefined {
  const template = isRecord(spec.template) ? spec.template : undefined;
  const metadata = template !== undefined && isRecord(template.metadata) ? template.metadata : undefined;
  return metadata !== undefined && isRecord(metadata.labels) ? (metadata.labels as Record<string, string>) : undefined;
}

function defaults(rc: ReplicationController): ReplicationController {
  const spec = specOf(rc);
  const labels = templateLabels(spec);
  const selector = isRecord(spec.selector) && Object.keys(spec.selector).length > 0 ? spec.selector : labels;
  const metadata = Object.keys(rc.metadata.labels ?? {}).length === 0 && labels !== undefined ? withFields(rc.metadata, { labels }) : rc.metadata;
  return { ...rc, metadata, spec: { replicas: 1, ...spec, ...(selector === undefined ? {} : { selector }), template: withDefaultedTemplate(spec.template) } } as ReplicationController;
}

function validate(rc: ReplicationController): FieldError[] {
  const spec = specOf(rc);
  const errors = [...validateCount('spec.replicas', spec.replicas), ...validateCount('spec.minReadySeconds', spec.minReadySeconds)];
  if (!isRecord(spec.selector) || Object.keys(spec.selector).length === 0) return [...errors, required('spec.selector')];
  errors.push(...validateLabels('spec.selector', spec.selector));
  if (spec.template === undefined) return [...errors, required('spec.template')];
  return [...errors, ...validateTemplate('spec.template', spec.template, { matchLabels: spec.selector })];
}

export const REPLICATION_CONTROLLER = workloadKind<ReplicationController>({
  names: { kind: 'ReplicationController', group: '', version: 'v1', plural: 'replicationcontrollers', shortNames: ['rc'], namespaced: true, categories: ['all'] },
  fields: REPLICATION_CONTROLLER_FIELDS,
  scale: true,
  defaultPropagation: 'Orphan',
  defaults,
  validate,
  initialStatus: () => ({ replicas: 0 }),
  template: (rc) => rc.spec.template,
  describe: (w, object, context) => describeReplicationController(w, object, context),
  columns: replicationControllerColumns,
  tellStatus: tellReplicaStatus,
  validateUpdate: () => [],
});

