// Deployments (apps/v1), defaulted and validated as upstream's SetDefaults_Deployment and
// ValidateDeploymentSpec: one replica, RollingUpdate with 25% surge and 25% unavailable (both
// zero refused), ten revisions of history, a 600 s progress deadline; the selector may not change.

import { describeDeployment } from '../describe/deployment.ts';
import { sameJson } from '../../core/canonical-json.ts';
import type { Deployment, DeploymentStatus } from '../../core/workloads.ts';
import { deploymentColumns } from '../printers/workloads.ts';
import { type FieldError, forbidden, invalid, unsupported } from '../validation/field-errors.ts';
import { isRecord, validateCount, validateIntOrPercent, validateReplicatedSpec } from '../validation/workload.ts';
import { DEPLOYMENT_FIELDS } from '../schema/apps.ts';
import { specOf, withDefaultedTemplate, workloadKind } from './workload-kind.ts';
import { withFields } from '../../core/with-fields.ts';

function defaults(deployment: Deployment): Deployment {
  const spec = specOf(deployment);
  const strategy = isRecord(spec.strategy) ? spec.strategy : {};
  const type = strategy.type ?? 'RollingUpdate';
  const given = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const rollingUpdate = type === 'RollingUpdate' ? { maxUnavailable: '25%', maxSurge: '25%', ...given } : strategy.rollingUpdate;
  return {
    ...deployment,
    spec: {
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...spec,
      strategy: withFields(strategy, { type, ...(rollingUpdate === undefined ? {} : { rollingUpdate }) }),
      template: withDefaultedTemplate(spec.template),
    },
  } as Deployment;
}

/** getIntOrPercentValue: the number a count or a percentage holds. */
function intOrPercentValue(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^[0-9]+%$/.test(value) ? Number.parseInt(value, 10) : undefined;
}

function validateStrategy(strategy: Record<string, unknown>): FieldError[] {
  const path = 'spec.strategy';
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate === undefined ? [] : [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")];
    case 'RollingUpdate': {
      const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
      const errors = [...validateIntOrPercent(`${path}.rollingUpdate.maxUnavailable`, rolling.maxUnavailable), ...validateIntOrPercent(`${path}.rollingUpdate.maxSurge`, rolling.maxSurge)];
      if (intOrPercentValue(rolling.maxUnavailable) === 0 && intOrPercentValue(rolling.maxSurge) === 0) {
        errors.push(invalid(`${path}.rollingUpdate.maxUnavailable`, rolling.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
      }
      return errors;
    }
    default:
      return [unsupported(`${path}.type`, strategy.type, ['Recreate', 'RollingUpdate'])];
  }
}

function validate(deployment: Deployment): FieldError[] {
  const spec = specOf(deployment);
  const errors = [
    ...validateReplicatedSpec(deployment.spec),
    ...validateStrategy(isRecord(spec.strategy) ? spec.strategy : {}),
    ...validateCount('spec.revisionHistoryLimit', spec.revisionHistoryLimit),
    ...validateCount('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds),
  ];
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number' && deadline <= (typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0)) {
    errors.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
  }
  return errors;
}

export function tellDeploymentStatus(status: unknown): string {
  const { replicas, updatedReplicas, readyReplicas, availableReplicas } = (status ?? {}) as DeploymentStatus;
  return `${replicas ?? 0} replicas, ${updatedReplicas ?? 0} updated, ${readyReplicas ?? 0} ready, ${availableReplicas ?? 0} available`;
}

export const DEPLOYMENT = workloadKind<Deployment>({
  names: { kind: 'Deployment', group: 'apps', version: 'v1', plural: 'deployments', shortNames: ['deploy'], namespaced: true, categories: ['all'] },
  fields: DEPLOYMENT_FIELDS,
  scale: true,
  defaults,
  validate,
  validateUpdate: (next, current) => (sameJson(next.spec.selector, current.spec.selector) ? [] : [invalid('spec.selector', next.spec.selector, 'field is immutable')]),
  initialStatus: () => ({}),
  template: (deployment) => deployment.spec.template,
  describe: (w, object, context) => describeDeployment(w, object, context),
  columns: deploymentColumns,
  tellStatus: tellDeploymentStatus,
});
