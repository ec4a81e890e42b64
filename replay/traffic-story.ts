// How the story tells one interval of a traffic step: where the requests went and why any failed.

import type { EventOf } from '../core/events.ts';

function counts(record: Readonly<Record<string, number>>): string {
  return Object.entries(record).map(([key, count]) => `${key} ${count}`).join(', ');
}

function total(record: Readonly<Record<string, number>>): number {
  return Object.values(record).reduce((sum, count) => sum + count, 0);
}

/** "pod/client -> web: 100 requests, 98 served (default/web-1 50, default/web-2 48), 2 failed (podTerminating 2)" */
export function trafficDetail(event: EventOf<'traffic/served'>): string {
  const served = total(event.served);
  const failed = total(event.failed);
  const parts = [`${event.from} -> ${event.to}: ${event.requests} ${event.requests === 1 ? 'request' : 'requests'}`, `${served} served${served > 0 ? ` (${counts(event.served)})` : ''}`];
  if (failed > 0) parts.push(`${failed} failed (${counts(event.failed)})`);
  return parts.join(', ');
}
