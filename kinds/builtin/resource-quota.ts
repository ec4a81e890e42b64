// ResourceQuotas (core/v1): created with an empty status, which the resource quota controller
// fills (status.hard from spec.hard, status.used counted); the ResourceQuota admission plugin
// refuses creates that would exceed them (kinds/quota/quota-admission.ts).

import type { KindDefinition } from '../definition.ts';
import { describeResourceQuota } from '../describe/resource-quota.ts';
import { resourceQuotaHeaders, resourceQuotaRow } from '../printers/quota.ts';
import { countedKind } from '../quota/counted-kind.ts';
import type { ResourceQuota } from '../quota/resource-quota.ts';
import { matchingResources } from '../quota/usage.ts';
import { validateResourceQuota } from '../quota/quota-validation.ts';
import { RESOURCE_QUOTA_FIELDS } from '../schema/config.ts';
import { withFields } from '../../core/with-fields.ts';

export const RESOURCE_QUOTA: KindDefinition<ResourceQuota> = {
  kind: 'ResourceQuota',
  group: '',
  version: 'v1',
  plural: 'resourcequotas',
  shortNames: ['quota'],
  namespaced: true,
  fields: RESOURCE_QUOTA_FIELDS,
  generation: false,
  statusSubresource: true,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(quota) {
    const errors = validateResourceQuota(quota);
    // The strategy clears any status given: only the controller and admission write it.
    return errors.length > 0 ? { errors } : { object: withFields(quota, { status: {} }) };
  },
  prepareForUpdate(next) {
    const errors = validateResourceQuota(next);
    return errors.length > 0 ? { errors } : { object: next };
  },
  printer: { headers: resourceQuotaHeaders, row: (quota, _wide, { nowMs }) => resourceQuotaRow(quota, nowMs) },
  describe: (w, quota) => describeResourceQuota(w, quota),
  tellStatus: (status) => tellQuotaStatus(status),
  warnings: (quota) => uncountedResources(quota),
};

/** Hard limits no evaluator of ksim counts: stored, never used, and so never enforced. */
function uncountedResources(quota: ResourceQuota): string[] {
  const names = Object.keys(quota.spec?.hard ?? {}).sort();
  return names
    .filter((name) => matchingResources([name], 'Pod', 'pods', '').length === 0 && countedKind(name) === undefined)
    .map((name) => `spec.hard[${name}] is not counted by ksim; the quota does not limit it`);
}

/** "pods 1/2, requests.cpu 400m/1": used against hard, names sorted. */
function tellQuotaStatus(status: unknown): string {
  const { hard, used } = (status ?? {}) as ResourceQuota['status'] & object;
  return Object.keys(hard ?? {})
    .sort()
    .map((name) => `${name} ${used?.[name] ?? '0'}/${hard?.[name] ?? ''}`)
    .join(', ');
}
