// The pod a controller asks for, as upstream's GetPodFromTemplate builds it
// (pkg/controller/controller_utils.go): the template's labels, annotations and finalizers, a
// generateName of "<owner-name>-", the controller reference, and the template's spec.

import type { KubeObject, PodTemplateSpec } from '../../core/objects.ts';
import { controllerRef } from './controller-ref.ts';
import { withFields } from '../../core/with-fields.ts';

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

export interface PodManifestOptions {
  /** A generateName other than "<owner>-" (an indexed Job's "<job>-<index>-"). */
  readonly generateName?: string;
  /** A fixed name instead of a generated one (a StatefulSet's "<set>-<ordinal>"). */
  readonly name?: string;
}

export function podManifestFromTemplate(template: PodTemplateSpec, owner: KubeObject, options: PodManifestOptions = {}): Record<string, unknown> {
  const { labels, annotations } = template.metadata ?? {};
  const finalizers = template.metadata?.finalizers;
  const metadata = withFields(options.name === undefined ? { generateName: options.generateName ?? podNamePrefix(owner.metadata.name) } : { name: options.name }, {
    namespace: owner.metadata.namespace,
    ...(nonEmpty(labels) ? { labels } : {}),
    ...(nonEmpty(annotations) ? { annotations } : {}),
    ...(Array.isArray(finalizers) && finalizers.length > 0 ? { finalizers } : {}),
    ownerReferences: [controllerRef(owner)],
  });
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: template.spec };
}
