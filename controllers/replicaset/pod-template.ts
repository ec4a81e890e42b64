// The pod a ReplicaSet asks for, as upstream's controller.GetPodFromTemplate builds it
// (pkg/controller/controller_utils.go): the template's labels, annotations and finalizers, a
// generateName of "<rs-name>-", the controller reference, and the template's spec.

import type { ReplicaSet } from '../../core/objects.ts';
import { controllerRefTo } from './claim.ts';

/** The longest DNS subdomain; a generateName must fit with its last character masked. */
const MAX_NAME_LENGTH = 253;

/** getPodsPrefix: "<name>-" reads better, unless the dash would make the prefix too long. */
export function podNamePrefix(controllerName: string): string {
  const prefix = `${controllerName}-`;
  return prefix.length <= MAX_NAME_LENGTH ? prefix : controllerName;
}

function nonEmpty<T extends object>(value: T | undefined): value is T {
  return value !== undefined && Object.keys(value).length > 0;
}

export function podManifestFor(rs: ReplicaSet): Record<string, unknown> {
  const template = rs.spec.template;
  const { labels, annotations } = template.metadata ?? {};
  const finalizers = template.metadata?.finalizers;
  const metadata = {
    generateName: podNamePrefix(rs.metadata.name),
    namespace: rs.metadata.namespace,
    ...(nonEmpty(labels) ? { labels } : {}),
    ...(nonEmpty(annotations) ? { annotations } : {}),
    ...(Array.isArray(finalizers) && finalizers.length > 0 ? { finalizers } : {}),
    ownerReferences: [controllerRefTo(rs)],
  };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec };
}
