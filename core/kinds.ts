// The kinds ksim knows by name: how kubectl spells them and whether they live in a namespace.

export interface KindInfo {
  readonly kind: string;
  readonly apiVersion: string;
  readonly plural: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
}

const KINDS: readonly KindInfo[] = [
  { kind: 'Pod', apiVersion: 'v1', plural: 'pods', shortNames: ['po'], namespaced: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', plural: 'replicasets', shortNames: ['rs'], namespaced: true },
  { kind: 'Node', apiVersion: 'v1', plural: 'nodes', shortNames: ['no'], namespaced: false },
  { kind: 'Namespace', apiVersion: 'v1', plural: 'namespaces', shortNames: ['ns'], namespaced: false },
  { kind: 'ConfigMap', apiVersion: 'v1', plural: 'configmaps', shortNames: ['cm'], namespaced: true },
  { kind: 'Secret', apiVersion: 'v1', plural: 'secrets', shortNames: [], namespaced: true },
  { kind: 'Service', apiVersion: 'v1', plural: 'services', shortNames: ['svc'], namespaced: true },
  { kind: 'ServiceAccount', apiVersion: 'v1', plural: 'serviceaccounts', shortNames: ['sa'], namespaced: true },
  { kind: 'Endpoints', apiVersion: 'v1', plural: 'endpoints', shortNames: ['ep'], namespaced: true },
  {
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    plural: 'persistentvolumeclaims',
    shortNames: ['pvc'],
    namespaced: true,
  },
  { kind: 'PersistentVolume', apiVersion: 'v1', plural: 'persistentvolumes', shortNames: ['pv'], namespaced: false },
  { kind: 'Deployment', apiVersion: 'apps/v1', plural: 'deployments', shortNames: ['deploy'], namespaced: true },
  { kind: 'StatefulSet', apiVersion: 'apps/v1', plural: 'statefulsets', shortNames: ['sts'], namespaced: true },
  { kind: 'DaemonSet', apiVersion: 'apps/v1', plural: 'daemonsets', shortNames: ['ds'], namespaced: true },
  { kind: 'Job', apiVersion: 'batch/v1', plural: 'jobs', shortNames: [], namespaced: true },
  { kind: 'CronJob', apiVersion: 'batch/v1', plural: 'cronjobs', shortNames: ['cj'], namespaced: true },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    plural: 'horizontalpodautoscalers',
    shortNames: ['hpa'],
    namespaced: true,
  },
  { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', plural: 'ingresses', shortNames: ['ing'], namespaced: true },
];

const BY_NAME = new Map<string, KindInfo>();
for (const info of KINDS) {
  for (const name of [info.kind.toLowerCase(), info.plural, ...info.shortNames]) BY_NAME.set(name, info);
}

/** Looks a kind up the way kubectl does: "pods", "pod", "po", "Pod" all name Pod. */
export function resolveKind(name: string): KindInfo | undefined {
  return BY_NAME.get(name.toLowerCase());
}

export function kindInfo(kind: string): KindInfo | undefined {
  return KINDS.find((info) => info.kind === kind);
}

/** A kind the cluster does not know yet (a custom resource) is taken as namespaced, as most are. */
export function isNamespacedKind(kind: string): boolean {
  return kindInfo(kind)?.namespaced ?? true;
}
