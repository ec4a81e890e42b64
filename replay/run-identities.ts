// Who each object of a run is, in words that do not depend on the seed, so two runs of one
// scenario can be compared by meaning. A uid is random, and so is the suffix of a generated name
// (`web-5c5fb9c489-x7k2p`); what is not random is where an object comes from: its kind and
// namespace, its name or generateName, its owner (itself known this way), and its place among
// the owner's children of that generateName, in the order they were created. That is the
// identity: "the second pod web-5c5fb9c489- of ReplicaSet web-5c5fb9c489". A recorded core/v1
// Event is known by the object it is about and the time-derived rest of its name.
//
// Identities are taken as the log is read, creation by creation, so that owners (always created
// before their children) are known when their children come.

import type { KsimEvent } from '../core/events.ts';
import { controllerOf, type KubeObject } from '../core/objects.ts';

export class RunIdentities {
  /** uid to identity, for every object the run created, gone or not. */
  private readonly identityByUid = new Map<string, string>();
  /** identity to uid: the way back, to find a run's object for an identity. */
  private readonly uidByIdentity = new Map<string, string>();
  /** uid to the object's name, which never changes. */
  private readonly nameByUid = new Map<string, string>();
  /** How many objects each group (kind, namespace, name or generateName, owner) has had. */
  private readonly created = new Map<string, number>();

  /** Takes the identity of the object an event creates, if it creates one. */
  observe(event: KsimEvent): void {
    switch (event.type) {
      case 'pod/created':
      case 'node/joined':
      case 'object/created':
        this.add(event.object.metadata.uid, event.object.metadata.name, this.objectGroup(event.object));
        return;
      case 'event/recorded':
        this.add(event.uid, event.name, this.recordedEventGroup(event));
        return;
      default:
        return;
    }
  }

  identityOf(uid: string): string | undefined {
    return this.identityByUid.get(uid);
  }

  uidOf(identity: string): string | undefined {
    return this.uidByIdentity.get(identity);
  }

  nameOf(uid: string): string | undefined {
    return this.nameByUid.get(uid);
  }

  /** Every uid the run created, with its identity, in the order of creation. */
  uids(): IterableIterator<[string, string]> {
    return this.identityByUid.entries();
  }

  private add(uid: string | undefined, name: string, group: string): void {
    if (uid === undefined || this.identityByUid.has(uid)) return;
    this.nameByUid.set(uid, name);
    const ordinal = this.created.get(group) ?? 0;
    this.created.set(group, ordinal + 1);
    const identity = `${group}#${ordinal}`;
    this.identityByUid.set(uid, identity);
    this.uidByIdentity.set(identity, uid);
  }

  private objectGroup(object: KubeObject): string {
    const { namespace = '', name, generateName } = object.metadata;
    const place = `${object.kind}|${namespace}`;
    if (generateName === undefined || generateName === '' || !name.startsWith(generateName)) return `${place}|${name}`;
    const owner = controllerOf(object);
    const ownerIdentity = owner === undefined ? '' : (this.identityByUid.get(owner.uid) ?? `${owner.kind}|${owner.name}`);
    return `${place}|${generateName}*|${ownerIdentity}`;
  }

  /** An Event's name is its object's name and a suffix from the time; the object may have a generated name. */
  private recordedEventGroup(event: Extract<KsimEvent, { type: 'event/recorded' }>): string {
    const involved = event.involvedObject;
    const involvedName = involved.name ?? '';
    const suffix = event.name.startsWith(involvedName) ? event.name.slice(involvedName.length) : event.name;
    const about = (involved.uid === undefined ? undefined : this.identityByUid.get(involved.uid)) ?? `${involved.kind ?? ''}|${involvedName}`;
    return `Event|${event.namespace}|(${about})${suffix}`;
  }
}

/** The identities of the objects created in the events up to a revision (all of them by default). */
export function runIdentities(events: Iterable<KsimEvent>, uptoRev = Number.POSITIVE_INFINITY): RunIdentities {
  const identities = new RunIdentities();
  for (const event of events) {
    if (event.rev > uptoRev) break;
    identities.observe(event);
  }
  return identities;
}
