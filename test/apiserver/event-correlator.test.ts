// The recorders' EventCorrelator: similar events combined from the 10th message on, a source's
// Events about one object capped at a burst of 25 refilled one per 5 minutes, and what a
// ReplicaSet of many replicas leaves in `describe` as a result. Figures from client-go's
// tools/record/events_cache.go (defaultAggregateMaxEvents, defaultSpamBurst, defaultSpamQPS).

import { describe, expect, it } from 'vitest';
import { COMBINED_PREFIX, EventCorrelator } from '../../apiserver/event-correlator.ts';
import type { EventRecord } from '../../core/commands.ts';
import type { KubeEvent } from '../../core/workloads.ts';
import { replicaSetController } from '../../controllers/replicaset/index.ts';
import { kindTable } from '../../reducers/lookup.ts';
import { ClusterHarness } from '../support/cluster-harness.ts';

const record = (reason: string, uid = 'rs-uid', type: 'Normal' | 'Warning' = 'Normal'): EventRecord => ({
  involvedObject: { apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: 'default', name: 'web', uid },
  type,
  reason,
  message: 'unused: the correlator is given the filled-in message',
});

describe('EventCorrelator', () => {
  it('records the first nine messages of a group as they are and combines from the tenth', () => {
    const correlator = new EventCorrelator();
    const kinds = Array.from({ length: 12 }, (_, index) => correlator.correlate(record('SuccessfulCreate'), `Created pod: web-${index}`, 0).kind);
    expect(kinds).toEqual([...Array<string>(9).fill('record'), 'aggregate', 'aggregate', 'aggregate']);
    expect(correlator.correlate(record('SuccessfulCreate'), 'Created pod: web-x', 0)).toMatchObject({ message: `${COMBINED_PREFIX}Created pod: web-x` });
  });

  it('counts a repeated message once towards the ten', () => {
    const correlator = new EventCorrelator();
    const kinds = Array.from({ length: 20 }, () => correlator.correlate(record('BackOff'), 'Back-off restarting failed container', 0).kind);
    expect(new Set(kinds)).toEqual(new Set(['record']));
  });

  it('starts a group afresh after 10 minutes without a similar event', () => {
    const correlator = new EventCorrelator();
    for (let index = 0; index < 9; index++) correlator.correlate(record('SuccessfulCreate'), `Created pod: web-${index}`, 0);
    expect(correlator.correlate(record('SuccessfulCreate'), 'Created pod: web-9', 600_001).kind).toBe('record');
  });

  it('keeps groups apart by reason and by object', () => {
    const correlator = new EventCorrelator();
    for (let index = 0; index < 9; index++) correlator.correlate(record('SuccessfulCreate'), `Created pod: web-${index}`, 0);
    expect(correlator.correlate(record('SuccessfulDelete'), 'Deleted pod: web-0', 0).kind).toBe('record');
    expect(correlator.correlate(record('SuccessfulCreate', 'other-uid'), 'Created pod: other-0', 0).kind).toBe('record');
  });

  it('lets 25 Events about one object and type through at once, then one every 5 minutes', () => {
    const correlator = new EventCorrelator();
    const burst = Array.from({ length: 30 }, (_, index) => correlator.correlate(record('Reason'), `message ${index % 3}`, 0).kind !== 'drop');
    expect(burst.filter(Boolean)).toHaveLength(25);
    expect(burst.slice(25)).toEqual([false, false, false, false, false]);
    expect(correlator.correlate(record('Reason'), 'message 0', 299_999).kind).toBe('drop');
    expect(correlator.correlate(record('Reason'), 'message 0', 300_000).kind).not.toBe('drop');
    expect(correlator.correlate(record('Reason'), 'message 0', 300_001).kind).toBe('drop');
  });

  it('shares the bucket across reasons of one type, not across types', () => {
    const correlator = new EventCorrelator();
    for (let index = 0; index < 25; index++) correlator.correlate(record(`Reason${index}`), 'message', 0);
    expect(correlator.correlate(record('Another'), 'message', 0).kind).toBe('drop');
    expect(correlator.correlate(record('Another', 'rs-uid', 'Warning'), 'message', 0).kind).toBe('record');
  });

  it('forgets the least recently used of more than 4,096 objects, whose bucket is full again', () => {
    const correlator = new EventCorrelator();
    for (let index = 0; index < 25; index++) correlator.correlate(record('Reason'), 'message', 0);
    expect(correlator.correlate(record('Reason'), 'message', 0).kind).toBe('drop');
    for (let index = 0; index < 4096; index++) correlator.correlate(record('Reason', `uid-${index}`), 'message', 0);
    expect(correlator.correlate(record('Reason'), 'message', 0).kind).toBe('record');
  });
});

describe('Events of a ReplicaSet scaled to 40 replicas', () => {
  it('are nine "Created pod" Events and one combined Event counting the rest of the burst', () => {
    const cluster = new ClusterHarness([replicaSetController()]);
    cluster.apply({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web' },
      spec: { replicas: 40, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    expect(cluster.state.pods.size).toBe(40);
    const events = kindTable<KubeEvent>(cluster.state, 'Event')
      .sortedValues()
      .filter((event) => event.involvedObject.kind === 'ReplicaSet' && event.reason === 'SuccessfulCreate');
    const combined = events.filter((event) => event.message.startsWith(COMBINED_PREFIX));
    expect(events.length - combined.length).toBe(9);
    expect(combined).toHaveLength(1);
    // 25 got through: 9 on their own, 16 counted on the combined Event; the other 15 were dropped.
    expect(combined[0]?.count).toBe(16);
    expect(combined[0]?.message).toMatch(/^\(combined from similar events\): Created pod: web-[a-z0-9]{5}$/);
  });
});
