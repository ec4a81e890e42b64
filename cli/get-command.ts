// `ksim get <kind> [name] --log run.ndjson`: what `kubectl get` would have printed at that point
// of the run. `get all` (and a list such as `deploy,rs`) prints every kind asked for that has
// objects, one table each, rows named "kind.group/name", as kubectl does.

import { qualifiedResource } from '../apiserver/rejection.ts';
import { type LabelSelector, selectorMatches } from '../core/labels.ts';
import type { KubeObject } from '../core/objects.ts';
import { type KindDefinition, kindsInCategory } from '../kinds/registry.ts';
import { listObjects, lookupObject } from '../reducers/lookup.ts';
import { type CliIo, CliError, EXIT_NOT_FOUND } from './io.ts';
import { type OutputFormat, parseKind, parseLabelSelector, parseOutputFormat, parsePosition } from './options.ts';
import { listOf, printJson, printYaml } from './printers/structured.ts';
import { printTable } from './printers/table.ts';
import { loadView, type View } from './view.ts';

export interface GetOptions {
  readonly kind: string;
  readonly name?: string;
  readonly log: string;
  readonly at?: string;
  readonly time?: string;
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
  readonly output?: string;
  readonly selector?: string;
}

interface GetRequest {
  /** One kind, or several (`deploy,rs`, or the kinds of the `all` category). */
  readonly kinds: readonly KindDefinition[];
  /** Several kinds: one table each, only those with objects, rows named "kind.group/name". */
  readonly category: boolean;
  readonly name?: string;
  /** Undefined for cluster-scoped kinds and for -A. */
  readonly namespace?: string;
  readonly allNamespaces: boolean;
  readonly format: OutputFormat;
  readonly selector?: LabelSelector;
}

/** kubectl takes "deploy,rs" and "all": several kinds printed one table each, rows named kind/name. */
function kindsOf(text: string): { kinds: KindDefinition[]; several: boolean } {
  const names = text.split(',').map((name) => name.trim());
  const kinds = names.flatMap((name) => (name.toLowerCase() === 'all' ? kindsInCategory('all') : [parseKind(name)]));
  const unique = kinds.filter((kind, index) => kinds.indexOf(kind) === index);
  return { kinds: unique, several: names.length > 1 || names[0]?.toLowerCase() === 'all' };
}

function checkRequest(options: GetOptions): GetRequest {
  const { kinds, several: category } = kindsOf(options.kind);
  const namespaced = kinds.some((definition) => definition.namespaced);
  const format = parseOutputFormat(options.output);
  const selector = parseLabelSelector(options.selector);
  const allNamespaces = options.allNamespaces === true && namespaced;
  if (options.name !== undefined && selector !== undefined) throw new CliError('name cannot be provided when a selector is specified');
  if (options.name !== undefined && allNamespaces) throw new CliError('a resource cannot be retrieved by name across all namespaces');
  if (options.name !== undefined && category) throw new CliError('there is no need to specify a resource type as a separate argument when passing arguments in resource/name form');
  const namespace = namespaced && !allNamespaces ? (options.namespace ?? 'default') : undefined;
  return {
    kinds,
    category,
    format,
    allNamespaces,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(namespace === undefined ? {} : { namespace }),
    ...(selector === undefined ? {} : { selector }),
  };
}

/** kubectl's notice for an empty table, on stderr: it names the namespace only when one was implied. */
function noResourcesFound(request: GetRequest): string {
  return request.namespace === undefined ? 'No resources found\n' : `No resources found in ${request.namespace} namespace.\n`;
}

function selected(request: GetRequest, view: View, definition: KindDefinition): KubeObject[] {
  const namespace = definition.namespaced ? request.namespace : undefined;
  const { selector } = request;
  return listObjects(view.state, definition.kind, namespace).filter((object) => selector === undefined || selectorMatches(selector, object.metadata.labels));
}

function getOne(request: GetRequest, view: View, name: string, io: CliIo): number {
  const definition = request.kinds[0] as KindDefinition;
  const namespace = definition.namespaced ? request.namespace : undefined;
  const object = lookupObject(view.state, definition.kind, namespace, name);
  if (object === undefined) throw new CliError(`${qualifiedResource(definition.kind)} "${name}" not found`, EXIT_NOT_FOUND);
  if (request.format === 'json') io.out(printJson(object));
  else if (request.format === 'yaml') io.out(printYaml(object));
  else io.out(printTable(definition, [object], { wide: request.format === 'wide', withNamespace: false }, { state: view.state, nowMs: view.nowMs }));
  return 0;
}

export function getCommand(options: GetOptions, io: CliIo): number {
  const request = checkRequest(options);
  const view = loadView(options.log, parsePosition(options.at, options.time), io);
  if (request.name !== undefined) return getOne(request, view, request.name, io);
  const groups = request.kinds.map((definition) => ({ definition, objects: selected(request, view, definition) })).filter((group) => group.objects.length > 0 || !request.category);
  const objects = groups.flatMap((group) => group.objects);
  if (request.format === 'json' || request.format === 'yaml') {
    io.out(request.format === 'json' ? printJson(listOf(objects)) : printYaml(listOf(objects)));
    return 0;
  }
  if (objects.length === 0) {
    io.err(noResourcesFound(request));
    return 0;
  }
  const context = { state: view.state, nowMs: view.nowMs };
  const tables = groups.map(({ definition, objects: rows }) =>
    printTable(definition, rows, { wide: request.format === 'wide', withNamespace: request.allNamespaces && definition.namespaced, withKind: request.category }, context),
  );
  io.out(tables.join('\n'));
  return 0;
}
