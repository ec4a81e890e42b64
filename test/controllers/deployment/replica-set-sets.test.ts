// New and old ReplicaSets, their orders and their sums.

import { describe, expect, it } from 'vitest';
import {
  actualReplicaCount,
  compareBySizeNewer,
  compareBySizeOlder,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  replicaCount,
  sortedBy,
} from '../../../controllers/deployment/replica-set-sets.ts';
import type { ReplicaSet } from '../../../core/objects.ts';
import { MINUTE_MS, deployment, rs, rsWithStatus, template } from './builders.ts';

const names = (rss: readonly (ReplicaSet | undefined)[]): (string | undefined)[] => rss.map((item) => item?.metadata.name);

// The fixtures of deployment_util_test.go TestFindNewReplicaSet / TestFindOldReplicaSets.
const d = deployment({ name: 'nginx', selector: { name: 'nginx' }, template: template({ name: 'nginx' }, 'nginx') });
const withHash = (hash: string) => template({ name: 'nginx', 'pod-template-hash': hash }, 'nginx');
const newRS = rs('new', 1, { createdMs: MINUTE_MS, template: withHash('hash') });
const newRSDup = rs('new-dup', 0, { createdMs: 0, template: withHash('different-hash') });
const oldRS = rs('old', 0, { createdMs: -MINUTE_MS, template: template({ name: 'nginx' }, 'nginx-old-1') });

describe('findNewReplicaSet', () => {
  // Ported from deployment_util_test.go TestFindNewReplicaSet (all 3 cases).
  it('finds the ReplicaSet with the same template but a different pod-template-hash', () => {
    expect(findNewReplicaSet(d, [newRS, oldRS])?.metadata.name).toBe('new');
  });

  it('takes the oldest when more than one ReplicaSet has the template', () => {
    expect(findNewReplicaSet(d, [newRS, oldRS, newRSDup])?.metadata.name).toBe('new-dup');
  });

  it('finds none when no template matches', () => {
    expect(findNewReplicaSet(d, [oldRS])).toBeUndefined();
  });
});

describe('findOldReplicaSets', () => {
  // Ported from deployment_util_test.go TestFindOldReplicaSets (all 4 cases).
  const cases: { name: string; rsList: ReplicaSet[]; all: string[]; required: string[] }[] = [
    { name: 'Get old ReplicaSets', rsList: [newRS, oldRS], all: ['old'], required: [] },
    { name: 'Get old ReplicaSets with no new ReplicaSet', rsList: [oldRS], all: ['old'], required: [] },
    {
      name: 'Get old ReplicaSets with two new ReplicaSets, only the oldest new ReplicaSet is seen as new ReplicaSet',
      rsList: [oldRS, newRS, newRSDup],
      all: ['old', 'new'],
      required: ['new'],
    },
    { name: 'Get empty old ReplicaSets', rsList: [newRS], all: [], required: [] },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const { oldRSs, allOldRSs } = findOldReplicaSets(d, test.rsList);
      expect({ all: names(allOldRSs), required: names(oldRSs) }).toEqual({ all: test.all, required: test.required });
    });
  }
});

describe('replica sums', () => {
  // Ported from deployment_util_test.go TestGetReplicaCountForReplicaSets (spec and status sums).
  const rs1 = rsWithStatus('foo-rs', 1, 2);
  const rs2 = rsWithStatus('bar-rs', 2, 3);
  const rs3 = rsWithStatus('unsynced-rs', 3, 0);

  it('sums spec and status replicas of one ReplicaSet', () => {
    expect([replicaCount([rs1]), actualReplicaCount([rs1])]).toEqual([1, 2]);
  });

  it('sums spec and status replicas of several', () => {
    expect([replicaCount([rs1, rs2, rs3]), actualReplicaCount([rs1, rs2, rs3])]).toEqual([6, 5]);
  });

  it('skips a missing new ReplicaSet', () => {
    expect(replicaCount([rs1, undefined])).toBe(1);
  });
});

describe('findActiveOrLatest', () => {
  it('returns the only active ReplicaSet', () => {
    expect(findActiveOrLatest(rs('new', 0), [rs('old', 3)])?.metadata.name).toBe('old');
  });

  it('returns the new ReplicaSet when none is active', () => {
    expect(findActiveOrLatest(rs('new', 0), [rs('old', 0)])?.metadata.name).toBe('new');
  });

  it('returns the newest old ReplicaSet when none is active and there is no new one', () => {
    const olds = [rs('older', 0, { createdMs: 0 }), rs('newer', 0, { createdMs: MINUTE_MS })];
    expect(findActiveOrLatest(undefined, olds)?.metadata.name).toBe('newer');
  });

  it('returns nothing when several are active', () => {
    expect(findActiveOrLatest(rs('new', 1), [rs('old', 1)])).toBeUndefined();
  });
});

describe('sort orders', () => {
  const small = rs('small', 1, { createdMs: 0 });
  const olderBig = rs('older-big', 3, { createdMs: 0 });
  const newerBig = rs('newer-big', 3, { createdMs: MINUTE_MS });

  it('puts larger first and the older of equals first when scaling down', () => {
    expect(names(sortedBy([small, newerBig, olderBig], compareBySizeOlder))).toEqual(['older-big', 'newer-big', 'small']);
  });

  it('puts larger first and the newer of equals first when scaling up', () => {
    expect(names(sortedBy([small, olderBig, newerBig], compareBySizeNewer))).toEqual(['newer-big', 'older-big', 'small']);
  });

  it('breaks a creation-time tie by name', () => {
    expect(names(sortedBy([rs('b', 1), rs('a', 1)], compareBySizeOlder))).toEqual(['a', 'b']);
  });

  it('keeps only ReplicaSets that want pods', () => {
    expect(names(filterActiveReplicaSets([rs('zero', 0), undefined, rs('one', 1)]))).toEqual(['one']);
  });
});
