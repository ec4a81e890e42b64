// Whether a pod's tolerations let it onto a node with a given taint, as upstream's
// v1.Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go) decides it.

import type { Taint, Toleration } from '../../core/objects.ts';

/** An empty effect or key on the toleration matches any; an empty operator means Equal. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (isSet(toleration.effect) && toleration.effect !== taint.effect) return false;
  if (isSet(toleration.key) && toleration.key !== taint.key) return false;
  switch (toleration.operator || 'Equal') {
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

function isSet(text: string | undefined): boolean {
  return text !== undefined && text !== '';
}

/** True when any of the tolerations tolerates the taint (v1helper.TolerationsTolerateTaint). */
export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const toleration of tolerations) {
    if (toleratesTaint(toleration, taint)) return true;
  }
  return false;
}
