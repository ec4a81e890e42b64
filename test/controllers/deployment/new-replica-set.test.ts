// getNewReplicaSet: the ReplicaSet to create, or the sync of an existing one.

import { describe, expect, it } from 'vitest';
import { getDeploymentCondition } from '../../../controllers/deployment/conditions.ts';
import {
  afterNewReplicaSetCreated,
  createFailure,
  newReplicaSetManifest,
  resolveAlreadyExists,
  syncExistingNewReplicaSet,
} from '../../../controllers/deployment/new-replica-set.ts';
import { computeHash } from '../../../controllers/deployment/pod-template-hash.ts';
import { REVISION_ANNOTATION } from '../../../controllers/deployment/revisions.ts';
import { toTimestamp } from '../../../core/clock.ts';
import { deployment, rs, template } from './builders.ts';

const NOW = 7_000;
const web = deployment({ name: 'web', replicas: 3, maxSurge: '25%', maxUnavailable: '25%', selector: { app: 'web' }, annotations: { 'kubernetes.io/change-cause': 'v2' } });

describe('newReplicaSetManifest', () => {
  const result = newReplicaSetManifest(web, [rs('web-old', 3, { annotations: { [REVISION_ANNOTATION]: '1' } })]);
  const manifest = result.ok ? result.manifest : undefined;
  const hash = computeHash(web.spec.template);

  it('names the ReplicaSet after the deployment and the template hash', () => {
    expect(manifest?.metadata.name).toBe(`web-${hash}`);
  });

  it('adds the hash to labels, selector and template labels', () => {
    expect([manifest?.metadata.labels, manifest?.spec.selector.matchLabels, manifest?.spec.template.metadata?.labels]).toEqual([
      { app: 'web', 'pod-template-hash': hash },
      { app: 'web', 'pod-template-hash': hash },
      { app: 'web', 'pod-template-hash': hash },
    ]);
  });

  it('sizes it within maxSurge and annotates revision, replicas and the copied annotations', () => {
    expect([manifest?.spec.replicas, manifest?.metadata.annotations]).toEqual([
      1,
      {
        'kubernetes.io/change-cause': 'v2',
        [REVISION_ANNOTATION]: '2',
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': '4',
      },
    ]);
  });

  it('is owned by the deployment', () => {
    expect(manifest?.metadata.ownerReferences).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'uid-deployment', controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('takes a new name after a collision', () => {
    const collided = newReplicaSetManifest({ ...web, status: { collisionCount: 1 } }, []);
    expect(collided.ok && collided.manifest.metadata.name).toBe(`web-${computeHash(web.spec.template, 1)}`);
  });
});

describe('syncExistingNewReplicaSet', () => {
  const existing = rs('web-abc', 3, { template: template({ app: 'web' }), annotations: { [REVISION_ANNOTATION]: '2', 'kubernetes.io/change-cause': 'v2' } });

  it('updates a ReplicaSet whose revision is behind', () => {
    const sync = syncExistingNewReplicaSet(web, existing, [rs('web-old', 0, { annotations: { [REVISION_ANNOTATION]: '4' } })], NOW);
    expect(sync.kind === 'updateReplicaSet' && sync.replicaSet.metadata.annotations?.[REVISION_ANNOTATION]).toBe('5');
  });

  it('updates a ReplicaSet whose minReadySeconds differs', () => {
    const sync = syncExistingNewReplicaSet({ ...web, spec: { ...web.spec, minReadySeconds: 10 } }, existing, [], NOW);
    expect(sync.kind === 'updateReplicaSet' && sync.replicaSet.spec.minReadySeconds).toBe(10);
  });

  it("gives the Deployment the ReplicaSet's revision and a FoundNewReplicaSet condition", () => {
    const withDeadline = { ...web, spec: { ...web.spec, progressDeadlineSeconds: 600 } };
    const sync = syncExistingNewReplicaSet(withDeadline, existing, [], NOW);
    const write = sync.kind === 'inSync' ? sync.deploymentWrite : undefined;
    expect([write?.annotations[REVISION_ANNOTATION], getDeploymentCondition(write?.status, 'Progressing')]).toEqual([
      '2',
      { type: 'Progressing', status: 'True', reason: 'FoundNewReplicaSet', message: 'Found new replica set "web-abc"', lastUpdateTime: toTimestamp(NOW), lastTransitionTime: toTimestamp(NOW) },
    ]);
  });
});

describe('after the create', () => {
  const created = rs('web-abc', 1);
  const withDeadline = { ...web, spec: { ...web.spec, progressDeadlineSeconds: 600 } };

  it('records the scale-up from 0 and a NewReplicaSetCreated condition', () => {
    const after = afterNewReplicaSetCreated(withDeadline, created, '2', false, NOW);
    expect([after.event?.message, getDeploymentCondition(after.deploymentWrite?.status, 'Progressing')?.message]).toEqual([
      'Scaled up replica set web-abc from 0 to 1',
      'Created new replica set "web-abc"',
    ]);
  });

  it('records neither for a ReplicaSet that already existed', () => {
    const after = afterNewReplicaSetCreated(withDeadline, created, '2', true, NOW);
    expect([after.event, getDeploymentCondition(after.deploymentWrite?.status, 'Progressing')]).toEqual([undefined, undefined]);
  });

  it('takes an existing ReplicaSet with our controller and template as ours', () => {
    const ours = rs('web-abc', 1, { ownerUid: 'uid-deployment', template: template({ app: 'web', 'pod-template-hash': 'abc' }) });
    expect(resolveAlreadyExists(web, ours).kind).toBe('ours');
  });

  it('bumps collisionCount for anyone else’s ReplicaSet of that name', () => {
    expect(resolveAlreadyExists(web, rs('web-abc', 1, { ownerUid: 'someone-else' }))).toEqual({ kind: 'collision', status: { collisionCount: 1 } });
  });

  it('reports another create failure as ReplicaSetCreateError', () => {
    const failure = createFailure(withDeadline, 'web-abc', 'quota exceeded', NOW);
    expect([failure.event, getDeploymentCondition(failure.status, 'Progressing')?.status]).toEqual([
      { type: 'Warning', reason: 'ReplicaSetCreateError', message: 'Failed to create new replica set "web-abc": quota exceeded' },
      'False',
    ]);
  });
});
