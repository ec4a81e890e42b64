// What watch pipelines compare between an object before and after a change, as upstream's update
// handlers do: whether its controller reference moved, and whether its labels did.

import type { KubeObject, OwnerReference } from '../../core/objects.ts';

/** The same controller: metav1.OwnerReference equality on uid, kind and name. */
export function sameRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  return a?.uid === b?.uid && a?.kind === b?.kind && a?.name === b?.name;
}

/** reflect.DeepEqual of the two label maps. */
export function sameLabels(a: KubeObject, b: KubeObject): boolean {
  const left = a.metadata.labels ?? {};
  const right = b.metadata.labels ?? {};
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}
