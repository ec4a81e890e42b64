// `kubectl describe` for namespaces (describe.go describeNamespace, with the namespace's quotas
// and limit ranges) and, for any other kind, the identity and metadata lines
// every describer starts with.

import type { KubeObject, Namespace, NamespaceCondition } from '../../core/objects.ts';
import type { LimitRange } from '../limits/limit-range.ts';
import type { ResourceQuota } from '../quota/resource-quota.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { describeNamespaceLimitRanges, describeNamespaceQuotas } from './namespace-quotas.ts';
import { annotationsMultiline, labelsMultiline } from './fields.ts';
import { rfc1123z } from '../printers/time.ts';

export function describeNamespace(w: DescribeWriter, namespace: Namespace, quotas: readonly ResourceQuota[] = [], limitRanges: readonly LimitRange[] = []): void {
  w.line(0, `Name:\t${namespace.metadata.name}`);
  labelsMultiline(w, 'Labels', namespace.metadata.labels);
  annotationsMultiline(w, 'Annotations', namespace.metadata.annotations);
  w.line(0, `Status:\t${namespace.status?.phase ?? ''}`);
  namespaceConditions(w, namespace.status?.conditions ?? []);
  w.line(0, '');
  describeNamespaceQuotas(w, quotas);
  w.line(0, '');
  describeNamespaceLimitRanges(w, limitRanges);
}

/** The namespace controller's conditions, while a deletion is under way. */
function namespaceConditions(w: DescribeWriter, conditions: readonly NamespaceCondition[]): void {
  if (conditions.length === 0) return;
  w.line(0, 'Conditions:');
  w.line(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage');
  w.line(1, '----\t------\t------------------\t------\t-------');
  for (const condition of conditions) {
    w.line(1, `${condition.type}\t${condition.status}\t${rfc1123z(condition.lastTransitionTime)}\t${condition.reason}\t${condition.message}`);
  }
}

export function describeGeneric(w: DescribeWriter, object: KubeObject, namespaced: boolean): void {
  w.line(0, `Name:\t${object.metadata.name}`);
  if (namespaced) w.line(0, `Namespace:\t${object.metadata.namespace ?? ''}`);
  labelsMultiline(w, 'Labels', object.metadata.labels);
  annotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.line(0, `API Version:\t${object.apiVersion}`);
  w.line(0, `Kind:\t${object.kind}`);
}
