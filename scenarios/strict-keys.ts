// Unknown keys in a scenario, found by walking the value alongside its io-ts codec: every t.type,
// t.partial and t.intersection says which keys it reads, a t.union is walked along the branch
// that decodes the value, arrays and records are walked into. A key added to any codec is known
// at once, with no list to keep. Values read as opaque JSON (a manifest, a patch, `equals`) are
// not walked: manifests are the API server's to check.

import { isRight } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { closestWord } from '../core/edit-distance.ts';

/** A hand-written codec that reads keys tells the walker which codec reads a given object's keys. */
export interface KeyedCodec {
  readonly keysOf: (value: Record<string, unknown>) => t.Mixed;
}

/** Marks a hand-written codec (a t.Type with its own validate) with the codec that reads its keys. */
export function keyedBy<C extends t.Mixed>(codec: C, keysOf: KeyedCodec['keysOf']): C & KeyedCodec {
  return Object.assign(codec, { keysOf });
}

interface Tagged {
  readonly _tag?: string;
  readonly props?: t.Props;
  readonly types?: readonly t.Mixed[];
  readonly type?: t.Mixed;
  readonly codomain?: t.Mixed;
  readonly keysOf?: KeyedCodec['keysOf'];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys an object codec reads, each with its codec; undefined when the codec reads any key. */
function keyedProps(codec: t.Mixed): Map<string, t.Mixed[]> | undefined {
  const tagged = codec as Tagged;
  switch (tagged._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
      return new Map(Object.entries(tagged.props ?? {}).map(([key, prop]) => [key, [prop]]));
    case 'ExactType':
    case 'RefinementType':
    case 'ReadonlyType':
      return tagged.type === undefined ? undefined : keyedProps(tagged.type);
    case 'IntersectionType': {
      const merged = new Map<string, t.Mixed[]>();
      for (const member of tagged.types ?? []) {
        const props = keyedProps(member);
        if (props === undefined) return undefined;
        for (const [key, codecs] of props) merged.set(key, [...(merged.get(key) ?? []), ...codecs]);
      }
      return merged;
    }
    default:
      return undefined;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function unknownKeyError(path: string, key: string, known: readonly string[]): string {
  const nearest = closestWord(key, known);
  const hint = nearest === undefined ? `the keys here are ${known.join(', ')}` : `did you mean ${JSON.stringify(nearest)}?`;
  return `${join(path, key)}: unknown key; ${hint}`;
}

/** Every unknown key under `value` where `codec` reads it, as "path: unknown key; did you mean ...". */
export function unknownKeys(codec: t.Mixed, value: unknown, path = ''): string[] {
  const tagged = codec as Tagged;
  if (tagged.keysOf !== undefined) return isRecord(value) ? unknownKeys(tagged.keysOf(value), value, path) : [];
  switch (tagged._tag) {
    case 'ExactType':
    case 'RefinementType':
    case 'ReadonlyType':
      return tagged.type === undefined ? [] : unknownKeys(tagged.type, value, path);
    case 'UnionType': {
      const branch = (tagged.types ?? []).find((member) => isRight(member.decode(value)));
      return branch === undefined ? [] : unknownKeys(branch, value, path);
    }
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return Array.isArray(value) && tagged.type !== undefined ? value.flatMap((item, index) => unknownKeys(tagged.type as t.Mixed, item, `${path}[${index}]`)) : [];
    case 'DictionaryType':
      return isRecord(value) && tagged.codomain !== undefined ? Object.entries(value).flatMap(([key, item]) => unknownKeys(tagged.codomain as t.Mixed, item, join(path, key))) : [];
  }
  const props = keyedProps(codec);
  if (props === undefined || !isRecord(value)) return [];
  const known = [...props.keys()];
  return Object.entries(value).flatMap(([key, item]) => {
    const codecs = props.get(key);
    if (codecs === undefined) return [unknownKeyError(path, key, known)];
    return codecs.flatMap((member) => unknownKeys(member, item, join(path, key)));
  });
}
