// `ksim get <kind> [name] --log run.ndjson`: what `kubectl get` would have printed at that point
// of the run.

import { qualifiedResource } from '../apiserver/rejection.ts';
import type { KindInfo } from '../core/kinds.ts';
import { type LabelSelector, selectorMatches } from '../core/labels.ts';
import type { KubeObject } from '../core/objects.ts';
import { listObjects, lookupObject } from '../reducers/lookup.ts';
import { type CliIo, CliError, EXIT_NOT_FOUND } from './io.ts';
import {
  type OutputFormat,
  parseKind,
  parseLabelSelector,
  parseOutputFormat,
  parsePosition,
} from './options.ts';
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
  readonly info: KindInfo;
  readonly name?: string;
  /** Undefined for cluster-scoped kinds and for -A. */
  readonly namespace?: string;
  readonly allNamespaces: boolean;
  readonly format: OutputFormat;
  readonly selector?: LabelSelector;
}

function checkRequest(options: GetOptions): GetRequest {
  const info = parseKind(options.kind);
  const format = parseOutputFormat(options.output);
  const selector = parseLabelSelector(options.selector);
  const allNamespaces = options.allNamespaces === true && info.namespaced;
  if (options.name !== undefined && selector !== undefined)
    throw new CliError('name cannot be provided when a selector is specified');
  if (options.name !== undefined && allNamespaces)
    throw new CliError('a resource cannot be retrieved by name across all namespaces');
  const namespace = info.namespaced && !allNamespaces ? (options.namespace ?? 'default') : undefined;
  return {
    info,
    format,
    allNamespaces,
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(namespace === undefined ? {} : { namespace }),
    ...(selector === undefined ? {} : { selector }),
  };
}

function printObjects(
  request: GetRequest,
  view: View,
  objects: readonly KubeObject[],
  single: boolean,
): string {
  switch (request.format) {
    case 'json':
      return printJson(single ? objects[0] : listOf(objects));
    case 'yaml':
      return printYaml(single ? objects[0] : listOf(objects));
    case 'table':
    case 'wide':
      return printTable(request.info.kind, objects, {
        wide: request.format === 'wide',
        withNamespace: request.allNamespaces,
        nowMs: view.nowMs,
      });
  }
}

/** kubectl's notice for an empty table, on stderr: it names the namespace only when one was implied. */
function noResourcesFound(request: GetRequest): string {
  return request.namespace === undefined
    ? 'No resources found\n'
    : `No resources found in ${request.namespace} namespace.\n`;
}

export function getCommand(options: GetOptions, io: CliIo): number {
  const request = checkRequest(options);
  const view = loadView(options.log, parsePosition(options.at, options.time));
  if (request.name !== undefined) {
    const object = lookupObject(view.state, request.info.kind, request.namespace, request.name);
    if (object === undefined)
      throw new CliError(
        `${qualifiedResource(request.info.kind)} "${request.name}" not found`,
        EXIT_NOT_FOUND,
      );
    io.out(printObjects(request, view, [object], true));
    return 0;
  }
  const selector = request.selector;
  const objects = listObjects(view.state, request.info.kind, request.namespace).filter(
    (object) => selector === undefined || selectorMatches(selector, object.metadata.labels),
  );
  if (objects.length === 0 && (request.format === 'table' || request.format === 'wide')) {
    io.err(noResourcesFound(request));
    return 0;
  }
  io.out(printObjects(request, view, objects, false));
  return 0;
}
