// The story of a run: one readable line per event, for `ksim run` as it goes and `ksim log`.
//
//   [   1m5s] rev 42  kube-scheduler      pod/bound           default/web-x7k2p -> node-2
//
// Some lines say what changed ("phase Pending -> Running", "replicas 3 -> 5"), which needs the
// previous value, so a Storyteller remembers what it needs (each pod, each node's status, the last
// version of each other object) and must be told every event in order, even those it leaves out.
// Status events carry only what changed, so it follows them through the reducers' own functions.

import { formatDurationMs } from '../core/duration.ts';
import { assertNever, type EventOf, type KsimEvent } from '../core/events.ts';
import { type Condition, controllerOf, findCondition, keyOf, type KubeObject, type NodeStatus, objectKey, type Pod, type Taint } from '../core/objects.ts';
import { nodeStatusAfter } from '../reducers/nodes.ts';
import { objectStatusAfter } from '../reducers/objects.ts';
import { podAfter, type PodEvent } from '../reducers/pods.ts';
import { kindDefinition } from '../kinds/registry.ts';
import { eventSubject, subjectPath } from '../core/event-subject.ts';
import { describeObjectUpdate, warningsOnWrite } from './object-change.ts';
import { describePodStatusChange } from './pod-status-change.ts';
import { trafficDetail } from './traffic-story.ts';

export interface StoryOptions {
  /** Also tell node heartbeats that change nothing (left out by default: they are most of a long log). */
  readonly heartbeats?: boolean;
  /** Also tell the core/v1 Events components record (left out by default: each repeats an action's line). */
  readonly events?: boolean;
  /** Leaves out any event it returns true for. */
  readonly skip?: (event: KsimEvent) => boolean;
  /** Width of the rev column (3 by default); pass one more than the digits of the last revision to keep columns aligned. */
  readonly revWidth?: number;
}

const TIME_WIDTH = 7;
const ACTOR_WIDTH = 21;
const TYPE_WIDTH = 24;

/** The kind is named in the line only where the event type does not already say it. */
function subjectText(event: KsimEvent): string {
  const subject = eventSubject(event);
  const path = subjectPath(subject);
  return event.type.startsWith('object/') || event.type.startsWith('request/') || event.type === 'event/recorded' ? `${subject.kind} ${path}` : path;
}

export function formatStoryLine(event: KsimEvent, detail: string, revWidth = 3): string {
  const time = formatDurationMs(event.time).padStart(TIME_WIDTH);
  const rev = String(event.rev).padEnd(revWidth);
  const head = `[${time}] rev ${rev} ${event.actor.padEnd(ACTOR_WIDTH)} ${event.type.padEnd(TYPE_WIDTH)} ${subjectText(event)}`;
  return detail === '' ? head : `${head} ${detail}`;
}

function readiness(conditions: readonly Condition[] | undefined): string {
  const ready = findCondition(conditions, 'Ready');
  if (ready?.status === 'True') return 'Ready';
  return ready?.status === 'False' ? 'NotReady' : 'Unknown';
}

function readinessWithReason(conditions: readonly Condition[] | undefined): string {
  const ready = findCondition(conditions, 'Ready');
  const text = readiness(conditions);
  return ready?.reason === undefined || text === 'Ready' ? text : `${text} (${ready.reason})`;
}

function rejectedDetail(event: EventOf<'request/rejected'>): string {
  // An error that is no API status (etcd's refusal of a create with a resourceVersion) has no reason.
  const status = event.reason === '' ? String(event.code) : `${event.code} ${event.reason}`;
  return `${requestText(event.request)}: ${status}: ${event.message}`;
}

/** The verb, and the List item the request was made for ("create steps[3].apply.items[2]"). */
function requestText(request: EventOf<'request/rejected'>['request']): string {
  return request.source === undefined ? request.verb : `${request.verb} ${request.source}`;
}

function resourcesDetail(resources: Readonly<Record<string, string>>): string {
  return ['cpu', 'memory', 'pods']
    .filter((name) => resources[name] !== undefined)
    .map((name) => `${name} ${resources[name]}`)
    .join(', ');
}

/** Taints as kubectl describe node lists them, "key=value:Effect", or "<none>". */
function taintsText(taints: readonly Taint[] | undefined): string {
  if (taints === undefined || taints.length === 0) return '<none>';
  return taints.map((taint) => `${taint.key}${taint.value === undefined || taint.value === '' ? '' : `=${taint.value}`}:${taint.effect}`).join(', ');
}

function ownerDetail(object: KubeObject): string {
  const owner = controllerOf(object);
  return owner === undefined ? '' : `owned by ${owner.kind}/${owner.name}`;
}

function joined(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(', ');
}

/** The detail of an event and whether it is noise (a heartbeat, a recorded Event) left out by default. */
interface Told {
  readonly detail: string;
  readonly noise?: 'heartbeat' | 'event';
}

export class Storyteller {
  private readonly pods = new Map<string, Pod>();
  private readonly nodeStatuses = new Map<string, NodeStatus>();
  private readonly nodeTaints = new Map<string, string>();
  /** The last version of every object other than pods and nodes, by "Kind/namespace/name". */
  private readonly objects = new Map<string, KubeObject>();

  constructor(private readonly options: StoryOptions = {}) {}

  /** Remembers what the event changed and returns its line, or undefined when the options leave it out. */
  tell(event: KsimEvent): string | undefined {
    const told = this.remember(event);
    if (told.noise === 'heartbeat' && this.options.heartbeats !== true) return undefined;
    if (told.noise === 'event' && this.options.events !== true) return undefined;
    if (this.options.skip?.(event) === true) return undefined;
    return formatStoryLine(event, told.detail, this.options.revWidth);
  }

  private remember(event: KsimEvent): Told {
    switch (event.type) {
      case 'object/created':
      case 'object/updated':
      case 'object/statusUpdated':
      case 'object/scaled':
      case 'object/adopted':
      case 'object/released':
      case 'object/deletionRequested':
      case 'object/deleted':
        return this.rememberObject(event);
      case 'node/joined':
      case 'node/updated':
      case 'node/statusReported':
      case 'node/cordoned':
      case 'node/uncordoned':
      case 'node/deleted':
        return this.rememberNode(event);
      case 'pod/created':
      case 'pod/updated':
      case 'pod/bound':
      case 'pod/schedulingFailed':
      case 'pod/statusUpdated':
      case 'pod/deletionRequested':
      case 'pod/deleted':
      case 'pod/adopted':
      case 'pod/released':
        return this.rememberPod(event);
      case 'event/recorded':
        return { detail: `${event.eventType} ${event.reason}: ${event.message}`, noise: 'event' };
      case 'request/rejected':
        return { detail: rejectedDetail(event) };
      case 'request/warned':
        return { detail: `${requestText(event.request)}: ${event.warnings.map((warning) => `Warning: ${warning}`).join('; ')}` };
      case 'traffic/served':
        return { detail: trafficDetail(event) };
      default:
        return assertNever(event);
    }
  }

  private rememberObject(event: Extract<KsimEvent, { type: `object/${string}` }>): Told {
    const subject = eventSubject(event);
    const id = `${subject.kind}/${objectKey(subject.namespace, subject.name ?? '')}`;
    const before = this.objects.get(id);
    switch (event.type) {
      case 'object/created': {
        this.objects.set(id, event.object);
        const replicas = (event.object.spec as { replicas?: unknown } | undefined)?.replicas;
        return { detail: joined(ownerDetail(event.object), typeof replicas === 'number' ? `replicas ${replicas}` : '', warningsOnWrite(event)) };
      }
      case 'object/updated':
        this.objects.set(id, event.object);
        return { detail: joined(before === undefined ? '' : describeObjectUpdate(before, event.object), warningsOnWrite(event)) };
      case 'object/statusUpdated': {
        const status = objectStatusAfter(before?.status, event);
        if (before !== undefined) this.objects.set(id, { ...before, status });
        return { detail: kindDefinition(event.kind)?.tellStatus?.(status) ?? '' };
      }
      case 'object/scaled': {
        const was = (before?.spec as { replicas?: unknown } | undefined)?.replicas;
        if (before !== undefined) this.objects.set(id, { ...before, spec: { ...(before.spec as object), replicas: event.replicas } });
        return { detail: typeof was === 'number' ? `replicas ${was} -> ${event.replicas}` : `replicas ${event.replicas}` };
      }
      case 'object/adopted':
        return { detail: `by ${event.owner.kind}/${event.owner.name}` };
      case 'object/released':
        return { detail: `from owner ${event.ownerUid}` };
      case 'object/deletionRequested':
        return { detail: `waiting for finalizers ${event.finalizers.join(', ')}` };
      case 'object/deleted':
        this.objects.delete(id);
        return { detail: '' };
    }
  }

  private rememberNode(event: Extract<KsimEvent, { type: `node/${string}` }>): Told {
    switch (event.type) {
      case 'node/joined':
      case 'node/updated': {
        const name = event.object.metadata.name;
        const taintsBefore = this.nodeTaints.get(name);
        const taints = taintsText(event.object.spec.taints);
        this.nodeStatuses.set(name, event.object.status);
        this.nodeTaints.set(name, taints);
        if (event.type === 'node/joined') return { detail: resourcesDetail(event.object.status.allocatable) };
        return { detail: taintsBefore === taints ? '' : `taints ${taints}` };
      }
      case 'node/statusReported': {
        const was = this.nodeStatuses.get(event.name);
        const status = nodeStatusAfter(was ?? { capacity: {}, allocatable: {}, conditions: [] }, event);
        this.nodeStatuses.set(event.name, status);
        const before = was === undefined ? undefined : readiness(was.conditions);
        const after = readiness(status.conditions);
        if (before === after) return { detail: `${after}, heartbeat`, noise: 'heartbeat' };
        const text = readinessWithReason(status.conditions);
        return { detail: before === undefined ? text : `${before} -> ${text}` };
      }
      case 'node/cordoned':
        return { detail: 'marked unschedulable' };
      case 'node/uncordoned':
        return { detail: 'marked schedulable' };
      case 'node/deleted':
        this.nodeStatuses.delete(event.name);
        return { detail: '' };
    }
  }

  private rememberPod(event: PodEvent): Told {
    const key = 'object' in event ? keyOf(event.object) : objectKey(event.namespace, event.name);
    const before = this.pods.get(key);
    const after = before === undefined && event.type !== 'pod/created' ? undefined : podAfter(before ?? (event as EventOf<'pod/created'>).object, event);
    if (after === undefined) this.pods.delete(key);
    else this.pods.set(key, after);
    return { detail: podDetail(event, before, after) };
  }
}

function gatesOf(pod: Pod | undefined): string[] {
  return (pod?.spec.schedulingGates ?? []).map((gate) => gate.name);
}

/** What a pod event changed, from the pod before and after it (undefined: unknown, or gone). */
function podDetail(event: PodEvent, before: Pod | undefined, after: Pod | undefined): string {
  switch (event.type) {
    case 'pod/created':
      return joined(ownerDetail(event.object), warningsOnWrite(event));
    case 'pod/updated': {
      const is = gatesOf(after);
      const removed = gatesOf(before).filter((gate) => !is.includes(gate));
      if (removed.length === 0) return '';
      return `scheduling gate${removed.length === 1 ? '' : 's'} ${removed.join(', ')} removed${is.length === 0 ? ', ready for scheduling' : ''}`;
    }
    case 'pod/bound':
      return `-> ${event.nodeName}`;
    case 'pod/schedulingFailed': {
      // The status patch after a preemption also sets (or, "" , clears) status.nominatedNodeName.
      const nomination =
        event.nominatedNodeName === undefined ? '' : event.nominatedNodeName === '' ? ' (nominated node cleared)' : ` (nominated to ${event.nominatedNodeName})`;
      return `${event.reason}${nomination}: ${event.message}`;
    }
    case 'pod/statusUpdated':
      if (after !== undefined) return describePodStatusChange(before?.status, after.status);
      return 'status' in event ? describePodStatusChange(undefined, event.status) : 'status updated';
    case 'pod/deletionRequested':
      return `grace period ${event.gracePeriodSeconds}s`;
    case 'pod/deleted':
      return '';
    case 'pod/adopted':
      return `by ${event.owner.kind}/${event.owner.name}`;
    case 'pod/released':
      return `from owner ${event.ownerUid}`;
  }
}

/** The story lines of a whole list of events, told from the first so every change has its "before". */
export function storyLines(events: readonly KsimEvent[], options: StoryOptions = {}): string[] {
  const lastRev = events.length === 0 ? 0 : (events[events.length - 1] as KsimEvent).rev;
  const teller = new Storyteller({ revWidth: Math.max(3, String(lastRev).length + 1), ...options });
  const lines: string[] = [];
  for (const event of events) {
    const line = teller.tell(event);
    if (line !== undefined) lines.push(line);
  }
  return lines;
}
