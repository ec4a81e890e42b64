// `kubectl get` tables for any kind: the kind's columns from the registry, a NAMESPACE column first
// when listing across namespaces, aligned with kubectl's tabwriter settings.

import type { KubeObject } from '../../core/objects.ts';
import type { KindDefinition, PrintContext } from '../../kinds/registry.ts';
import { formatTable } from '../../kinds/printers/table-writer.ts';

export interface TableOptions {
  readonly wide: boolean;
  /** -A on a namespaced kind. */
  readonly withNamespace: boolean;
  /** `get all` names each row "kind.group/name", as kubectl does when several kinds are printed. */
  readonly withKind?: boolean;
}

function qualifiedName(definition: KindDefinition, name: string): string {
  const kind = definition.kind.toLowerCase();
  return definition.group === '' ? `${kind}/${name}` : `${kind}.${definition.group}/${name}`;
}

export function printTable(definition: KindDefinition, objects: readonly KubeObject[], options: TableOptions, context: PrintContext): string {
  const { printer } = definition;
  const rows = objects.map((object) => {
    const row = [...printer.row(object, options.wide, context)];
    if (options.withKind === true) row[0] = qualifiedName(definition, row[0] ?? object.metadata.name);
    return options.withNamespace ? [object.metadata.namespace ?? '', ...row] : row;
  });
  const headers = options.withNamespace ? ['NAMESPACE', ...printer.headers(options.wide)] : [...printer.headers(options.wide)];
  return formatTable([headers, ...rows]);
}
