// ksim's own word on a manifest of a kind it does not serve. The API server refuses it as a
// cluster without that resource would ("no matches for kind"); this warning says which kinds ksim
// does serve, and what was probably meant, so a typo or a custom resource is not a mystery.

import { closestWord } from '../core/edit-distance.ts';
import { allKinds, apiVersionOf, kindDefinition } from '../kinds/registry.ts';

/** Kinds some ksim component acts on, as opposed to kinds it only stores. */
function simulatedKinds(): string[] {
  return allKinds()
    .filter((definition) => definition.notSimulated === undefined && definition.kind !== 'Event' && definition.kind !== 'ControllerRevision')
    .map((definition) => definition.kind)
    .sort();
}

/** The warning for a manifest of `kind` in `apiVersion` that the registry does not hold. */
export function unknownKindWarning(kind: string, apiVersion: string): string {
  const known = kindDefinition(kind);
  if (known !== undefined) return `ksim serves ${kind} as ${apiVersionOf(known)}, not ${apiVersion}`;
  const nearest = closestWord(kind, allKinds().map((definition) => definition.kind));
  const hint = nearest === undefined ? '' : ` (did you mean ${nearest}?)`;
  const stored = allKinds().length - simulatedKinds().length;
  return `ksim does not serve kind ${JSON.stringify(kind)} in ${apiVersion}${hint}; it simulates ${simulatedKinds().join(', ')}, and stores ${stored} more kinds without acting on them`;
}
