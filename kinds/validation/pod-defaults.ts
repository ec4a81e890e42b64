// Pod defaulting as the API server applies it (pkg/apis/core/v1/defaults.go) plus the
// DefaultTolerationSeconds admission plugin, so stored pods look like a real cluster's.

import type { Container, PodSpec, ResourceList, Toleration } from '../../core/objects.ts';
import { defaultProbe } from './probes.ts';
import { withFields } from '../../core/with-fields.ts';

/**
 * Upstream pulls always when the image's tag is "latest", which a reference without tag or digest
 * means (parsers.ParseImageName), and only if absent otherwise.
 */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  const tag = lastColon > lastSlash ? name.slice(lastColon + 1) : at === -1 ? 'latest' : '';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

/** A container with limits but no request for a resource requests what it limits (SetDefaults_Container). */
function defaultRequests(container: Container): Container['resources'] {
  const limits: ResourceList = container.resources?.limits ?? {};
  const requests: ResourceList = withFields(limits, container.resources?.requests ?? {});
  const resources = { ...(container.resources ?? {}) };
  return Object.keys(requests).length === 0 ? resources : withFields(resources, { requests });
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

function defaultContainer(container: Container): Container {
  const probes = Object.fromEntries(PROBES.filter((field) => container[field] !== undefined).map((field) => [field, defaultProbe(container[field])]));
  return {
    imagePullPolicy: defaultImagePullPolicy(container.image ?? ''),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...container,
    ...probes,
    resources: defaultRequests(container),
  };
}

/** 300 s of tolerance for not-ready and unreachable nodes, added to every pod that lacks it. */
function defaultTolerations(tolerations: readonly Toleration[] | undefined): readonly Toleration[] {
  const list = [...(tolerations ?? [])];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const present = list.some((toleration) => (toleration.key === key || toleration.key === undefined) && (toleration.effect === 'NoExecute' || toleration.effect === undefined));
    if (!present) list.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  return list;
}

export function defaultPodSpec(spec: PodSpec): PodSpec {
  return {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    ...spec,
    containers: (spec.containers ?? []).map(defaultContainer),
    ...(spec.initContainers === undefined ? {} : { initContainers: spec.initContainers.map(defaultContainer) }),
  };
}

/** Defaults for a pod being created: the template defaults plus the admission-time tolerations. */
export function defaultPodForCreate(spec: PodSpec): PodSpec {
  const defaulted = defaultPodSpec(spec);
  return withFields(defaulted, { tolerations: defaultTolerations(defaulted.tolerations) });
}
