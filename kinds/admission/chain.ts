// Admission plugins run one after another, each on what the one before admitted; the first
// refusal ends the chain, as kube-apiserver's admission chain does.

import type { KubeObject } from '../../core/objects.ts';
import type { Admitted } from '../definition.ts';

export function chainAdmission<T extends KubeObject, C>(object: T, context: C, plugins: readonly ((object: T, context: C) => Admitted<T>)[]): Admitted<T> {
  let admitted: Admitted<T> = { object };
  for (const plugin of plugins) {
    if ('forbidden' in admitted) return admitted;
    admitted = plugin(admitted.object, context);
  }
  return admitted;
}
