// Which CronJobs a change wakes, as upstream's handlers route them (addJob, updateJob, deleteJob
// and updateCronJob in pkg/controller/cronjob/cronjob_controllerv2.go; in the spirit of
// TestControllerV2UpdateCronJob and TestControllerV2GetJobsToBeReconciled).

import { describe, expect, it } from 'vitest';
import { cronJobKeysFor } from '../../../controllers/cronjob/watch.ts';
import type { EventBody } from '../../../core/events.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { change } from '../../support/reduce-events.ts';
import { cronJob, job } from './builders.ts';
import { stateWith } from './state-builders.ts';

const cj = cronJob();
const KEY = 'snazzycats/mycronjob';
const owned = job({ name: 'mycronjob-1', owner: cj });
const base = stateWith(cj, owned);

function keys(body: EventBody, state: ClusterState = base): string[] {
  return cronJobKeysFor(change(state, body));
}

describe('CronJob changes', () => {
  it('a CronJob created, written or being deleted is synced at once', () => {
    expect([
      keys({ type: 'object/created', object: cronJob({}, {}, 0) }, stateWith()),
      keys({ type: 'object/statusUpdated', kind: 'CronJob', namespace: 'snazzycats', name: 'mycronjob', status: { lastScheduleTime: '2025-01-01T00:00:00Z' } }),
      keys({ type: 'object/deletionRequested', kind: 'CronJob', namespace: 'snazzycats', name: 'mycronjob', finalizers: ['orphan'] }),
      keys({ type: 'object/deleted', kind: 'CronJob', namespace: 'snazzycats', name: 'mycronjob' }),
    ]).toEqual([[KEY], [KEY], [KEY], [KEY]]);
  });

  it('a new schedule or time zone asks for a sync at its next activation', () => {
    expect(keys({ type: 'object/updated', object: cronJob({ schedule: '*/5 * * * *' }) })).toEqual([`schedule:${KEY}`]);
    expect(keys({ type: 'object/updated', object: cronJob({ timeZone: 'Europe/Paris' }) })).toEqual([`schedule:${KEY}`]);
  });

  it('any other update is synced at once', () => {
    expect(keys({ type: 'object/updated', object: cronJob({ suspend: true }) })).toEqual([KEY]);
  });
});

describe('Job changes', () => {
  it('a Job created with a CronJob as controller wakes it', () => {
    expect(keys({ type: 'object/created', object: job({ name: 'mycronjob-2', owner: cj }) })).toEqual([KEY]);
  });

  it('a Job whose controller reference names another uid wakes nobody', () => {
    const impostor = job({ name: 'mycronjob-2', owner: { ...cj, metadata: { ...cj.metadata, uid: 'other' } } });
    expect(keys({ type: 'object/created', object: impostor })).toEqual([]);
  });

  it('a Job\'s status write or deletion wakes its CronJob', () => {
    expect(keys({ type: 'object/statusUpdated', kind: 'Job', namespace: 'snazzycats', name: 'mycronjob-1', status: { active: 1 } })).toEqual([KEY]);
    expect(keys({ type: 'object/deleted', kind: 'Job', namespace: 'snazzycats', name: 'mycronjob-1' })).toEqual([KEY]);
  });

  it('a released Job wakes the CronJob that controlled it', () => {
    expect(keys({ type: 'object/released', kind: 'Job', namespace: 'snazzycats', name: 'mycronjob-1', ownerUid: cj.metadata.uid })).toEqual([KEY]);
  });

  it('a Job without a controller, and pods, wake nobody', () => {
    expect(keys({ type: 'object/created', object: job({ name: 'loose' }) })).toEqual([]);
    expect(keys({ type: 'pod/statusUpdated', namespace: 'snazzycats', name: 'p', status: { phase: 'Running' } })).toEqual([]);
  });
});
