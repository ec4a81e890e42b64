// helper.DefaultSelector (pkg/scheduler/framework/plugins/helper/spread.go): the selector the
// system default spreading counts pods with. The selectors of every Service in the pod's namespace
// that selects the pod are merged, then the selector of the pod's controller is added when it is a
// ReplicationController, ReplicaSet or StatefulSet (found by the owner reference's name).

import { asSelector, type LabelSelector, type Labels, type Selector, type SelectorRequirement } from '../../../../core/labels.ts';
import { controllerOf, type KubeObject, type Pod } from '../../../../core/objects.ts';
import { kindTable, lookupObject } from '../../../../reducers/lookup.ts';
import { kindGroup } from '../../../../reducers/object-indexes.ts';
import type { ClusterState } from '../../../../reducers/state.ts';
import { withFields } from '../../../../core/with-fields.ts';

type SelectorMap = Readonly<Record<string, string>>;

/** labels.Set(selector).AsSelectorPreValidated().Matches(podLabels); an empty map matches every pod. */
function mapMatches(selector: SelectorMap, labels: Labels): boolean {
  for (const [key, value] of Object.entries(selector)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  return true;
}

function mapSelectorOf(object: KubeObject): SelectorMap | undefined {
  const selector = (object.spec as { selector?: SelectorMap | null } | undefined)?.selector;
  return selector === null ? undefined : selector;
}

/**
 * GetPodServices: the Services of the namespace whose (non-nil) selector matches the pod. Every
 * one matches the pod, so their selectors agree on any key they share and the merge is the same
 * in any order.
 */
function serviceLabels(pod: Pod, cluster: ClusterState, labels: Labels): Record<string, string> {
  const merged: Record<string, string> = {};
  const services = kindTable(cluster, 'Service');
  for (const key of cluster.indexes.byNamespace.unorderedMembers(kindGroup('Service', pod.metadata.namespace ?? ''))) {
    const service = services.get(key);
    const selector = service === undefined ? undefined : mapSelectorOf(service);
    if (selector === undefined || !mapMatches(selector, labels)) continue;
    Object.assign(merged, selector);
  }
  return merged;
}

function setRequirements(set: SelectorMap): SelectorRequirement[] {
  return Object.entries(set).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
}

function labelSelectorRequirements(object: KubeObject | undefined): readonly SelectorRequirement[] {
  const selector = (object?.spec as { selector?: LabelSelector | null } | undefined)?.selector;
  return asSelector(selector).requirements;
}

function ownerRequirements(pod: Pod, cluster: ClusterState, set: Record<string, string>): SelectorRequirement[] | undefined {
  const owner = controllerOf(pod);
  if (owner === undefined) return undefined;
  const namespace = pod.metadata.namespace ?? '';
  const key = `${owner.apiVersion} ${owner.kind}`;
  switch (key) {
    case 'v1 ReplicationController': {
      const controller = lookupObject(cluster, 'ReplicationController', namespace, owner.name);
      // An RC's selector is a plain map, merged into the Services' before the selector is made.
      return controller === undefined ? undefined : setRequirements(withFields(set, mapSelectorOf(controller) ?? {}));
    }
    case 'apps/v1 ReplicaSet':
    case 'apps/v1 StatefulSet': {
      const controller = lookupObject(cluster, owner.kind, namespace, owner.name);
      return controller === undefined ? undefined : [...setRequirements(set), ...labelSelectorRequirements(controller)];
    }
    default:
      return undefined;
  }
}

export function defaultSelector(pod: Pod, cluster: ClusterState): Selector {
  const labels = pod.metadata.labels ?? {};
  const set = serviceLabels(pod, cluster, labels);
  const requirements = ownerRequirements(pod, cluster, set) ?? setRequirements(set);
  return { nothing: false, requirements };
}
