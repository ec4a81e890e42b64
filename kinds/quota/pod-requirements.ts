// A pod's requests and limits as a whole (resourcehelper.PodRequests and PodLimits, v1.34, which
// the LimitRanger's Pod items and the quota's pod evaluator use): the containers summed, sidecars
// (init containers that restart always) counted with them, and each other init container, which
// runs alone with the sidecars started before it, raising a resource to its own need when that is
// larger; then the pod overhead.

import type { Container, PodSpec } from '../../core/objects.ts';
import { addQuantityLists, compareQuantity, parseQuantityList, type QuantityList, type QuantityValue } from './quantity-value.ts';

type Side = 'requests' | 'limits';

function listOf(container: Container, side: Side): QuantityList {
  return parseQuantityList(container.resources?.[side]);
}

/** maxResourceList: each name at the larger of the two. */
function atLeast(current: QuantityList, candidate: QuantityList): QuantityList {
  const result: Record<string, QuantityValue> = { ...current };
  for (const [name, value] of Object.entries(candidate)) {
    const existing = result[name];
    if (existing === undefined || compareQuantity(value, existing) > 0) result[name] = value;
  }
  return result;
}

function podSide(spec: PodSpec, side: Side): QuantityList {
  let containers: QuantityList = {};
  for (const container of spec.containers ?? []) containers = addQuantityLists(containers, listOf(container, side));
  let sidecars: QuantityList = {};
  let initNeed: QuantityList = {};
  for (const init of spec.initContainers ?? []) {
    const own = listOf(init, side);
    if (init.restartPolicy === 'Always') {
      sidecars = addQuantityLists(sidecars, own);
      containers = addQuantityLists(containers, own);
      initNeed = atLeast(initNeed, sidecars);
    } else initNeed = atLeast(initNeed, addQuantityLists(own, sidecars));
  }
  const total = atLeast(containers, initNeed);
  const { overhead } = spec;
  return overhead === undefined ? total : addQuantityLists(total, parseQuantityList(overhead));
}

export function podRequirements(spec: PodSpec): { readonly requests: QuantityList; readonly limits: QuantityList } {
  return { requests: podSide(spec, 'requests'), limits: podSide(spec, 'limits') };
}
