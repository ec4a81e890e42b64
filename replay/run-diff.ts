// Two runs compared: where their event streams part, and how their states differ at the end
// (or at a time). By meaning unless exact: B's objects are read in A's words
// (run-translation.ts), so a pod of B is compared with the pod of A that has the same owner and
// place, and only what differs beyond names and uids is reported. `metadata.resourceVersion`
// is left out then too: it is a position in one log, and once the runs part, the same change
// sits at different revisions of the two, and so are a node's heartbeat times: each node's
// kubelet reports on a phase the seed draws, so they differ between seeds and say nothing about
// the cluster.

import type { KsimEvent } from '../core/events.ts';
import type { KubeObject } from '../core/objects.ts';
import type { ClusterState } from '../reducers/state.ts';
import { type CompareOptions, type Divergence, firstDivergence } from './first-divergence.ts';
import { runIdentities } from './run-identities.ts';
import { RunTranslation } from './run-translation.ts';
import { clusterObjects, compareRefs, type DiffFilter, type ObjectDiff, diffObjectMaps, type ObjectMap, objectMapKey, passesFilter, refOf, type StateDiff } from './state-diff.ts';

export interface RunMoment {
  readonly rev: number;
  readonly state: ClusterState;
}

export interface RunSide {
  /** Its events in order: an array, or a stream read from disk (replay/log-events.ts). */
  readonly events: Iterable<KsimEvent>;
  /** The state compared, at a revision of this run. */
  readonly at: RunMoment;
}

export interface RunDiff {
  readonly divergence: Divergence | undefined;
  /** Object by object; B's objects named as their counterparts in A unless exact. */
  readonly diff: StateDiff;
  /** For objects matched under another name: objectMapKey of A's object to B's name. */
  readonly namesInB: ReadonlyMap<string, string>;
}

function withoutResourceVersion(object: KubeObject): KubeObject {
  if (object.metadata.resourceVersion === undefined) return object;
  const { resourceVersion: _dropped, ...metadata } = object.metadata;
  return { ...object, metadata };
}

function withoutHeartbeatTimes(object: KubeObject): KubeObject {
  const status = object.status as { conditions?: readonly Record<string, unknown>[] } | undefined;
  if (object.kind !== 'Node' || status?.conditions === undefined) return object;
  const conditions = status.conditions.map(({ lastHeartbeatTime: _dropped, ...condition }) => condition);
  return { ...object, status: { ...status, conditions } };
}

/** What two seeds of one scenario can differ in without meaning anything. */
function meaningOnly(object: KubeObject): KubeObject {
  return withoutHeartbeatTimes(withoutResourceVersion(object));
}

function objectMap(objects: Iterable<KubeObject>): ObjectMap {
  return new Map([...objects].map((object) => [objectMapKey(refOf(object)), object]));
}

interface MeaningfulMaps {
  readonly before: ObjectMap;
  /** B's objects in A's words. */
  readonly after: ObjectMap;
  /** B's objects as written, by the key of their translation. */
  readonly originalsB: ObjectMap;
}

/** Both sides' objects as compared by meaning: B's in A's words, resourceVersions and heartbeat times left out. */
function meaningfulMaps(a: RunSide, b: RunSide, filter: DiffFilter): MeaningfulMaps {
  const translation = new RunTranslation(runIdentities(a.events, a.at.rev), runIdentities(b.events, b.at.rev)).learnAll();
  const kinds = filter.kinds === undefined ? {} : { kinds: filter.kinds };
  const before = objectMap([...clusterObjects(a.at.state, kinds).values()].map(meaningOnly));
  const originalsB = new Map<string, KubeObject>();
  const translated: KubeObject[] = [];
  for (const object of clusterObjects(b.at.state, kinds).values()) {
    const inA = meaningOnly(translation.translate(object));
    originalsB.set(objectMapKey(refOf(inA)), object);
    translated.push(inA);
  }
  return { before: narrowed(before, filter), after: narrowed(objectMap(translated), filter), originalsB };
}

/**
 * An object only B has is shown as B wrote it, under its own name: A's words would name an
 * object A no longer has. A changed object keeps A's name, and B's is noted beside it.
 */
function inBsWords(diff: StateDiff, originalsB: ObjectMap): { diff: StateDiff; namesInB: ReadonlyMap<string, string> } {
  const namesInB = new Map<string, string>();
  const entries = diff.map((entry): ObjectDiff => {
    const key = objectMapKey(entry.ref);
    const original = originalsB.get(key);
    if (original === undefined || original.metadata.name === entry.ref.name) return entry;
    if (entry.change === 'added') return { change: 'added', ref: refOf(original), after: original };
    namesInB.set(key, original.metadata.name);
    return entry;
  });
  return { diff: entries.sort((x, y) => compareRefs(x.ref, y.ref)), namesInB };
}

/** The namespace and name of a filter, applied after translation so that a name reads in A's words. */
function narrowed(objects: ObjectMap, filter: DiffFilter): ObjectMap {
  return new Map([...objects].filter(([, object]) => passesFilter(object, filter)));
}

/** Where runs A and B part, and how B's state differs from A's at the moments given. */
export function diffRuns(a: RunSide, b: RunSide, filter: DiffFilter = {}, options: CompareOptions = {}): RunDiff {
  const divergence = firstDivergence(a, b, options);
  if (options.exact === true) {
    return { divergence, diff: diffObjectMaps(clusterObjects(a.at.state, filter), clusterObjects(b.at.state, filter)), namesInB: new Map() };
  }
  const { before, after, originalsB } = meaningfulMaps(a, b, filter);
  return { divergence, ...inBsWords(diffObjectMaps(before, after), originalsB) };
}
