// Events (core/v1): what components record about objects. `kubectl get events` prints them with
// printers.go printEvent's columns; `describe` of any object shows its Events table.

import type { KubeEvent } from '../../core/workloads.ts';
import type { KindDefinition } from '../definition.ts';
import { describeGeneric } from '../describe/generic.ts';
import { ageSince } from '../printers/time.ts';
import { EVENT_FIELDS } from '../schema/config.ts';

const HEADERS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
const WIDE_HEADERS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'];

function row(event: KubeEvent, wide: boolean, nowMs: number): string[] {
  const first = ageSince(event.firstTimestamp, nowMs);
  const last = event.lastTimestamp === undefined ? first : ageSince(event.lastTimestamp, nowMs);
  const { kind, name } = event.involvedObject;
  const target = name === '' ? kind.toLowerCase() : `${kind.toLowerCase()}/${name}`;
  const message = event.message.trim();
  if (!wide) return [last, event.type, event.reason, target, message];
  const source = event.source.host === undefined ? event.source.component : `${event.source.component}, ${event.source.host}`;
  return [last, event.type, event.reason, target, event.involvedObject.fieldPath ?? '', source, message, first, String(event.count || 1), event.metadata.name];
}

export const EVENT: KindDefinition<KubeEvent> = {
  kind: 'Event',
  group: '',
  version: 'v1',
  plural: 'events',
  shortNames: ['ev'],
  namespaced: true,
  fields: EVENT_FIELDS,
  generation: false,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate: (event) => ({ object: event }),
  prepareForUpdate: (next) => ({ object: next }),
  printer: { headers: (wide) => (wide ? WIDE_HEADERS : HEADERS), row: (event, wide, { nowMs }) => row(event, wide, nowMs) },
  describe: (w, event) => describeGeneric(w, event, true),
};
