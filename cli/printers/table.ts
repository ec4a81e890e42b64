// `kubectl get` tables for any kind: the kind's columns, a NAMESPACE column first when listing
// across namespaces, aligned with kubectl's tabwriter settings.

import type { KubeObject, Namespace, Node, Pod, ReplicaSet } from '../../core/objects.ts';
import { genericHeaders, genericRow, namespaceHeaders, namespaceRow } from './generic.ts';
import { nodeHeaders, nodeRow } from './nodes.ts';
import { podHeaders, podRow } from './pods.ts';
import { replicaSetHeaders, replicaSetRow } from './replicasets.ts';
import { formatTable } from './table-writer.ts';

export interface TableOptions {
  readonly wide: boolean;
  /** -A on a namespaced kind. */
  readonly withNamespace: boolean;
  readonly nowMs: number;
}

interface Columns {
  readonly headers: string[];
  readonly row: (object: KubeObject) => string[];
}

function columnsFor(kind: string, options: TableOptions): Columns {
  const { wide, nowMs } = options;
  switch (kind) {
    case 'Pod':
      return { headers: podHeaders(wide), row: (object) => podRow(object as Pod, nowMs, wide) };
    case 'ReplicaSet':
      return {
        headers: replicaSetHeaders(wide),
        row: (object) => replicaSetRow(object as ReplicaSet, nowMs, wide),
      };
    case 'Node':
      return { headers: nodeHeaders(wide), row: (object) => nodeRow(object as Node, nowMs, wide) };
    case 'Namespace':
      return { headers: namespaceHeaders(), row: (object) => namespaceRow(object as Namespace, nowMs) };
    default:
      return { headers: genericHeaders(), row: (object) => genericRow(object, nowMs) };
  }
}

export function printTable(kind: string, objects: readonly KubeObject[], options: TableOptions): string {
  const columns = columnsFor(kind, options);
  const rows = objects.map((object) => {
    const row = columns.row(object);
    return options.withNamespace ? [object.metadata.namespace ?? '', ...row] : row;
  });
  const headers = options.withNamespace ? ['NAMESPACE', ...columns.headers] : columns.headers;
  return formatTable([headers, ...rows]);
}
