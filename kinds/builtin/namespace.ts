// Namespaces (core/v1, cluster-scoped): the API server labels each with its own name and gives it
// the `kubernetes` finalizer, which the namespace controller removes once a namespace being deleted
// is empty (controllers/namespace/).

import type { Namespace } from '../../core/objects.ts';
import type { KindDefinition } from '../definition.ts';
import { describeNamespace } from '../describe/generic.ts';
import type { LimitRange } from '../limits/limit-range.ts';
import type { ResourceQuota } from '../quota/resource-quota.ts';
import { listObjects } from '../../reducers/lookup.ts';
import { namespaceHeaders, namespaceRow } from '../printers/generic.ts';
import { NAMESPACE_FIELDS } from '../schema/config.ts';
import { withFields } from '../../core/with-fields.ts';

/** The story's word on the namespace controller's conditions: what still holds the deletion, if anything. */
function tellNamespaceStatus(status: unknown): string {
  const conditions = ((status as Namespace['status'] | undefined)?.conditions ?? []).filter((condition) => condition.status === 'True');
  return conditions.length === 0 ? 'all content removed' : conditions.map((condition) => condition.message).join('; ');
}

export const NAMESPACE: KindDefinition<Namespace> = {
  kind: 'Namespace',
  group: '',
  version: 'v1',
  plural: 'namespaces',
  shortNames: ['ns'],
  namespaced: false,
  nameIsLabel: true,
  fields: NAMESPACE_FIELDS,
  generation: false,
  statusSubresource: true,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(namespace) {
    const labels = withFields(namespace.metadata.labels ?? {}, { 'kubernetes.io/metadata.name': namespace.metadata.name });
    const object = withFields(namespace, {
      metadata: withFields(namespace.metadata, { labels }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }) as Namespace;
    return { object };
  },
  // The strategy's PrepareForUpdate: spec.finalizers change only through the finalize subresource.
  prepareForUpdate: (next, current) => ({ object: withFields(next, { spec: withFields(next.spec ?? {}, { finalizers: current.spec?.finalizers ?? [] }) }) as Namespace }),
  tellStatus: tellNamespaceStatus,
  printer: { headers: namespaceHeaders, row: (namespace, _wide, { nowMs }) => namespaceRow(namespace, nowMs) },
  describe: (w, namespace, { state }) =>
    describeNamespace(w, namespace, listObjects<ResourceQuota>(state, 'ResourceQuota', namespace.metadata.name), listObjects<LimitRange>(state, 'LimitRange', namespace.metadata.name)),
};
