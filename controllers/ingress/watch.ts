// Which Ingresses ksim's ingress controller looks at: one that changed, and every Ingress when an
// IngressClass changes (a class may become the default, or change its controller).

import type { Change } from '../../core/controller.ts';
import { objectKey } from '../../core/objects.ts';
import { eventSubject } from '../../core/event-subject.ts';
import { kindTable } from '../../reducers/lookup.ts';
import type { ClusterState } from '../../reducers/state.ts';

const WATCHED = new Set(['object/created', 'object/updated', 'object/statusUpdated', 'object/deleted']);

export function ingressKeysFor(change: Change<ClusterState>): string[] {
  if (!WATCHED.has(change.event.type)) return [];
  const subject = eventSubject(change.event);
  if (subject.kind === 'Ingress' && subject.name !== undefined) return [objectKey(subject.namespace, subject.name)];
  if (subject.kind === 'IngressClass') return kindTable(change.after, 'Ingress').sortedKeys();
  return [];
}
