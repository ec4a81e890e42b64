// `ksim rollout history|status KIND NAME --log run.ndjson`: what `kubectl rollout history` and
// `kubectl rollout status --watch=false` would have printed at that point of the run.

import { qualifiedResource } from '../apiserver/rejection.ts';
import { rolloutStatusView } from '../controllers/deployment/rollout-status.ts';
import type { KubeObject } from '../core/objects.ts';
import type { DaemonSet, Deployment, StatefulSet } from '../core/workloads.ts';
import { lookupObject } from '../reducers/lookup.ts';
import { type CliIo, CliError, EXIT_NOT_FOUND } from './io.ts';
import { parseKind, parsePosition, parseRevision } from './options.ts';
import { historyText, revisionsOf, revisionText } from './rollout/history.ts';
import { daemonSetStatusView, type StatusView, statefulSetStatusView } from './rollout/viewers.ts';
import { loadView } from './view.ts';

export interface RolloutOptions {
  readonly action: string;
  readonly kind: string;
  readonly name: string;
  readonly log: string;
  readonly at?: string;
  readonly time?: string;
  readonly namespace?: string;
  readonly revision?: string;
}

const ROLLOUT_KINDS = ['Deployment', 'DaemonSet', 'StatefulSet'];

/** "deployment.apps/web", as kubectl names the object in its output. */
function resourceName(object: KubeObject): string {
  const group = object.apiVersion.includes('/') ? `.${object.apiVersion.split('/')[0]}` : '';
  return `${object.kind.toLowerCase()}${group}/${object.metadata.name}`;
}

function statusView(object: KubeObject, revision: number): StatusView {
  switch (object.kind) {
    case 'Deployment':
      return rolloutStatusView(object as Deployment, revision);
    case 'StatefulSet':
      return statefulSetStatusView(object as StatefulSet);
    default:
      return daemonSetStatusView(object as DaemonSet);
  }
}

function history(object: KubeObject, revision: number, io: CliIo, revisions: ReturnType<typeof revisionsOf>): number {
  if (revision === 0) {
    io.out(historyText(resourceName(object), revisions));
    return 0;
  }
  const found = revisions.find((each) => each.row.revision === revision);
  if (found === undefined) throw new CliError(`unable to find the specified revision`, 1);
  io.out(revisionText(resourceName(object), found));
  return 0;
}

export function rolloutCommand(options: RolloutOptions, io: CliIo): number {
  if (options.action !== 'history' && options.action !== 'status') throw new CliError(`unknown rollout command "${options.action}": expected history or status`);
  const info = parseKind(options.kind);
  if (!ROLLOUT_KINDS.includes(info.kind)) throw new CliError(`no ${options.action === 'history' ? 'history viewer' : 'status viewer'} has been implemented for "${info.kind}"`);
  const revision = options.revision === undefined ? 0 : parseRevision(options.revision, '--revision');
  const view = loadView(options.log, parsePosition(options.at, options.time), io);
  const object = lookupObject(view.state, info.kind, options.namespace ?? 'default', options.name);
  if (object === undefined) throw new CliError(`${qualifiedResource(info.kind)} "${options.name}" not found`, EXIT_NOT_FOUND);
  if (options.action === 'history') return history(object, revision, io, revisionsOf(view.state, object));
  const status = statusView(object, revision);
  if (status.kind === 'error') throw new CliError(status.message, 1);
  io.out(`${status.message}\n`);
  return 0;
}
