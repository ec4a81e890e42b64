// The ServiceAccount controller (pkg/controller/serviceaccount/serviceaccounts_controller.go):
// every active namespace has a `default` service account; one missing (a new namespace, or the
// account deleted) is created. Keys are namespace names.

import type { Command } from '../../core/commands.ts';
import { type Controller, type Effect, type ReconcileContext, submit } from '../../core/controller.ts';
import { keysOf } from '../../core/keys-of.ts';
import type { Namespace } from '../../core/objects.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { serviceAccountKeysFor } from './watch.ts';

export const SERVICE_ACCOUNT_CONTROLLER = 'controller/serviceaccount';
export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';

/** The account the controller makes: a name and nothing else. */
export function createDefaultServiceAccount(namespace: string): Command {
  return {
    type: 'create',
    actor: SERVICE_ACCOUNT_CONTROLLER,
    manifest: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT_NAME, namespace } },
  };
}

/** syncNamespace: only an Active namespace gets one (a Terminating one refuses new content anyway). */
export function syncServiceAccounts(key: string, { state }: ReconcileContext<ClusterState>): Effect[] {
  const namespace = lookupObject<Namespace>(state, 'Namespace', undefined, key);
  if (namespace === undefined || namespace.status?.phase !== 'Active' || namespace.metadata.deletionTimestamp !== undefined) return [];
  if (lookupObject(state, 'ServiceAccount', key, DEFAULT_SERVICE_ACCOUNT_NAME) !== undefined) return [];
  return [submit(createDefaultServiceAccount(key))];
}

export function serviceAccountController(): Controller<ClusterState> {
  return {
    name: SERVICE_ACCOUNT_CONTROLLER,
    watch: (changes) => changes.pipe(keysOf(serviceAccountKeysFor)),
    reconcile: (key, context) => syncServiceAccounts(key, context),
  };
}
