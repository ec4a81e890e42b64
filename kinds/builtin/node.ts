// Nodes (core/v1, cluster-scoped): registered by their kubelet, or applied by a user; capacity
// must be quantities and allocatable defaults to capacity, as the kubelet reports it.

import type { Node } from '../../core/objects.ts';
import { parseQuantity } from '../../core/quantity.ts';
import type { KindDefinition } from '../definition.ts';
import { describeNode } from '../describe/node.ts';
import { nodeHeaders, nodeRow } from '../printers/nodes.ts';
import { NODE_FIELDS } from '../schema/node.ts';
import { validateTaints } from '../validation/affinity.ts';
import { type FieldError, invalid } from '../validation/field-errors.ts';
import { isRecord, type Json } from '../validation/workload.ts';
import { withFields } from '../../core/with-fields.ts';

/** Resources counted in whole units (IsIntegerResourceName): pods, the quota's object counts, extended resources. */
function isIntegerResource(name: string): boolean {
  const counted = ['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers'];
  if (counted.includes(name)) return true;
  // An extended resource: a domain outside kubernetes.io, and no requests. prefix.
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

/** ValidateNodeResources: capacity and allocatable are quantities of 0 or more, whole for counted resources. */
function validateNodeStatus(status: unknown): FieldError[] {
  if (!isRecord(status)) return [];
  return (['capacity', 'allocatable'] as const).flatMap((list) => {
    const resources = status[list];
    if (!isRecord(resources)) return [];
    return Object.entries(resources).flatMap(([name, value]) => {
      const path = `status.${list}.${name}`;
      const amount = parseQuantity(value as string);
      if (amount === undefined) return [invalid(path, value, 'must be a quantity')];
      const errors: FieldError[] = [];
      if (amount < 0) errors.push(invalid(path, String(value), 'must be greater than or equal to 0'));
      if (isIntegerResource(name) && !Number.isInteger(amount)) errors.push(invalid(path, String(value), 'must be an integer'));
      return errors;
    });
  });
}

function validateNodeSpec(spec: unknown): FieldError[] {
  if (spec === undefined) return [];
  if (!isRecord(spec)) return [invalid('spec', spec, 'must be an object')];
  const errors = validateTaints('spec.taints', spec.taints);
  if (spec.unschedulable !== undefined && typeof spec.unschedulable !== 'boolean') errors.push(invalid('spec.unschedulable', spec.unschedulable, 'must be true or false'));
  return errors;
}

export const NODE: KindDefinition<Node> = {
  kind: 'Node',
  group: '',
  version: 'v1',
  plural: 'nodes',
  shortNames: ['no'],
  namespaced: false,
  fields: NODE_FIELDS,
  generation: false,
  statusSubresource: true,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(node) {
    const errors = [...validateNodeSpec(node.spec), ...validateNodeStatus(node.status)];
    if (errors.length > 0) return { errors };
    const status = (node.status ?? {}) as unknown as Json;
    const capacity = (status.capacity ?? {}) as Node['status']['capacity'];
    const object = {
      ...node,
      spec: node.spec ?? {},
      status: withFields(status, { capacity, allocatable: (status.allocatable ?? capacity) as Node['status']['allocatable'], conditions: (status.conditions ?? []) as Node['status']['conditions'] }),
    } as Node;
    return { object };
  },
  prepareForUpdate(next) {
    const errors = [...validateNodeSpec(next.spec), ...validateNodeStatus(next.status)];
    // A manifest without spec decodes to an empty one upstream; readers of a node rely on it.
    return errors.length > 0 ? { errors } : { object: { ...next, spec: next.spec ?? {} } };
  },
  printer: { headers: nodeHeaders, row: (node, wide, { nowMs }) => nodeRow(node, nowMs, wide) },
  describe: (w, node, { state, nowMs }) => describeNode(w, node, state, nowMs),
};
