// The components of one simulated cluster, in the order they reconcile when several have work:
// the scheduler places pods before kubelets start them, the controllers that count pods run after
// them, so they see a settled picture and sync once per burst of changes, and the controllers of
// controllers (a Deployment's of its ReplicaSets) after those, so the statuses they read are fresh.
// The endpoint controllers follow the pods they list, the simulated cloud's service controller
// after them; the PV controller and the simulated provisioner come before the garbage collectors.
// The pod garbage collector comes after them: it only acts on its own beat. The traffic generator
// comes last of all, so each batch of requests meets the cluster as every component has left it
// at that instant.

import type { Controller } from '../core/controller.ts';
import { garbageCollector } from '../controllers/garbage-collector/index.ts';
import { type ImageCatalog, kubelet } from '../controllers/kubelet/index.ts';
import { cronJobController } from '../controllers/cronjob/index.ts';
import { daemonSetController } from '../controllers/daemonset/index.ts';
import { deploymentController } from '../controllers/deployment/index.ts';
import { jobController } from '../controllers/job/index.ts';
import { podGcController } from '../controllers/pod-gc/index.ts';
import { replicaSetController, replicationController } from '../controllers/replicaset/index.ts';
import { scheduler } from '../controllers/scheduler/index.ts';
import { statefulSetController } from '../controllers/statefulset/index.ts';
import { ttlAfterFinishedController } from '../controllers/ttl-after-finished/index.ts';
import { resourceQuotaController } from '../controllers/resource-quota/index.ts';
import { persistentVolumeController } from '../controllers/persistentvolume/index.ts';
import { type ProvisionerOptions, volumeProvisioner } from '../controllers/volume-provisioner/index.ts';
import { namespaceController } from '../controllers/namespace/index.ts';
import { SERVICE_ACCOUNT_CONTROLLER, serviceAccountController } from '../controllers/serviceaccount/index.ts';
import { endpointsController } from '../controllers/endpoints/index.ts';
import { endpointSliceController } from '../controllers/endpointslice/index.ts';
import { serviceLoadBalancerController } from '../controllers/service-lb/index.ts';
import type { ClusterState } from '../reducers/state.ts';
import { ingressController } from '../controllers/ingress/index.ts';
import type { TrafficFlow } from '../controllers/traffic/flow.ts';
import { trafficGenerator } from '../controllers/traffic/index.ts';

/** What a scenario sets for the components beyond the images. */
export interface ControlPlaneOptions {
  readonly storage?: ProvisionerOptions;
  /** The simulated cloud's ingress IPs for LoadBalancer Services (none: no cloud). */
  readonly loadBalancerIPs?: readonly string[];
  /** The scenario's traffic steps. */
  readonly traffic?: readonly TrafficFlow[];
  /** The address ksim's ingress controller writes into the Ingresses it serves. */
  readonly ingressAddress?: string;
}

export function controlPlane(images: ImageCatalog, options: ControlPlaneOptions = {}): Controller<ClusterState>[] {
  const traffic = options.traffic ?? [];
  // The ServiceAccount controller goes first: a new namespace's `default` account exists before a
  // workload controller of that namespace creates pods. The namespace controller next: a workload
  // controller whose creations a Terminating namespace refuses may sync again and again in one
  // instant, and must not keep the namespace controller from deleting it.
  return [
    serviceAccountController(),
    namespaceController(),
    scheduler(),
    kubelet(images),
    replicaSetController(),
    replicationController(),
    deploymentController(),
    statefulSetController(),
    daemonSetController(),
    jobController(),
    cronJobController(),
    ttlAfterFinishedController(),
    resourceQuotaController(),
    persistentVolumeController(),
    volumeProvisioner(options.storage ?? {}),
    endpointSliceController(),
    endpointsController(),
    serviceLoadBalancerController(options.loadBalancerIPs ?? []),
    ingressController(options.ingressAddress),
    garbageCollector(),
    podGcController(),
    ...(traffic.length === 0 ? [] : [trafficGenerator(traffic, (image) => images(image).readyMs)]),
  ];
}

/** The components whose creations draw from a random stream of their own (see EngineParts). */
export const OWN_ADMISSION_STREAMS: readonly string[] = [SERVICE_ACCOUNT_CONTROLLER];
