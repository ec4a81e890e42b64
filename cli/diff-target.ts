// Which objects `ksim diff` compares: `[kind [name]]` and -n/-A, as `ksim get` reads them. With
// no kind, every kind but the recorded core/v1 Events, which would bury the changes under their
// counts and timestamps (`ksim diff ... events` asks for them).

import type { ClusterState } from '../reducers/state.ts';
import { type DiffFilter, kindsIn } from '../replay/state-diff.ts';
import { CliError } from './io.ts';
import { parseKind } from './options.ts';

export interface TargetOptions {
  readonly namespace?: string;
  readonly allNamespaces?: boolean;
}

const EVENT_KIND = 'Event';

/** The filter for `[kind [name]]`; the kinds of a kindless diff come from the states compared. */
export function diffTarget(words: readonly string[], options: TargetOptions): (states: readonly ClusterState[]) => DiffFilter {
  if (words.length > 2) throw new CliError(`expected at most a kind and a name, got ${words.map((word) => JSON.stringify(word)).join(' ')}`);
  if (options.allNamespaces === true && options.namespace !== undefined) throw new CliError('-n and -A cannot be used together');
  const [kindWord, name] = words;
  const definition = kindWord === undefined ? undefined : parseKind(kindWord);
  if (name !== undefined && options.allNamespaces === true && definition?.namespaced === true) {
    throw new CliError('a resource cannot be retrieved by name across all namespaces');
  }
  const namespace = options.allNamespaces === true ? undefined : (options.namespace ?? 'default');
  const narrowing: DiffFilter = {
    ...(namespace === undefined ? {} : { namespace }),
    ...(name === undefined ? {} : { name }),
  };
  if (definition !== undefined) return () => ({ ...narrowing, kinds: [definition.kind] });
  return (states) => {
    const kinds = [...new Set(states.flatMap(kindsIn))].filter((kind) => kind !== EVENT_KIND);
    return { ...narrowing, kinds: kinds.sort() };
  };
}
