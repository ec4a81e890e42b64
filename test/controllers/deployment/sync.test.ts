// One Deployment sync as a plan of requests: what syncDeployment asks the API server for, in
// upstream's order, from one state. The cases follow the scenarios of upstream's
// deployment_controller_test.go (TestSyncDeploymentCreatesReplicaSet, TestSyncDeploymentDontDoAnythingDuringDeletion,
// TestSelectorUpdate's adoption), sync_test.go (TestScale, TestDeploymentController_cleanupDeployment)
// and recreate_test.go (TestScaleDownOldReplicaSets, TestOldPodsRunning), driven through the plan.

import { describe, expect, it } from 'vitest';
import { getDeploymentCondition } from '../../../controllers/deployment/conditions.ts';
import { computeHash } from '../../../controllers/deployment/pod-template-hash.ts';
import { REVISION_ANNOTATION } from '../../../controllers/deployment/revisions.ts';
import type { Command } from '../../../core/commands.ts';
import type { ReplicaSet } from '../../../core/objects.ts';
import type { Deployment, DeploymentStatus } from '../../../core/workloads.ts';
import { type DeploymentOptions, deployment, template } from './builders.ts';
import { V1, V2, commandsOf, ownedReplicaSet, planOf, podOf, stateWith, storedDeployment, sync } from './sync-builders.ts';

const h1 = computeHash(V1);
const h2 = computeHash(V2);

function d(options: DeploymentOptions = {}): Deployment {
  return deployment({ replicas: 3, maxSurge: 1, maxUnavailable: 0, generation: 1, template: V1, ...options });
}

function only<T extends Command['type']>(commands: readonly Command[], type: T): Extract<Command, { type: T }>[] {
  return commands.filter((command): command is Extract<Command, { type: T }> => command.type === type);
}

describe('a fresh Deployment', () => {
  const fresh = d({ progressDeadlineSeconds: 600 });
  const state = stateWith(fresh);
  const effects = sync(state);
  const [create] = only(commandsOf(effects), 'create');
  const manifest = create?.manifest as ReplicaSet | undefined;

  it('creates its ReplicaSet, writes the revision and the NewReplicaSetCreated condition, then its status', () => {
    expect(planOf(effects)).toEqual([`create foo-${h1}`, 'update Deployment/foo', 'updateStatus Deployment/foo', 'updateStatus Deployment/foo']);
  });

  it('labels, selects and templates the ReplicaSet with the pod-template-hash', () => {
    const hashed = { foo: 'bar', 'pod-template-hash': h1 };
    expect([manifest?.metadata.labels, manifest?.spec.selector.matchLabels, manifest?.spec.template.metadata?.labels]).toEqual([hashed, hashed, hashed]);
  });

  it('gives it revision 1 and the whole count, which fits within maxSurge', () => {
    expect([manifest?.metadata.annotations?.[REVISION_ANNOTATION], manifest?.spec.replicas]).toEqual(['1', 3]);
  });

  it('records "Scaled up replica set ... from 0 to 3" on the Deployment when the create is admitted', () => {
    expect(create?.record).toMatchObject({ involvedObject: { kind: 'Deployment', name: 'foo' }, reason: 'ScalingReplicaSet', message: `Scaled up replica set foo-${h1} from 0 to 3` });
  });

  it('records ReplicaSetCreateError when the create is refused', () => {
    expect(create?.recordOnRefusal).toMatchObject({ type: 'Warning', reason: 'ReplicaSetCreateError', message: `Failed to create new replica set "foo-${h1}": {error}` });
  });

  it('carries the revision in an update of the stored Deployment, its status in the same logical write', () => {
    const [update] = only(commandsOf(effects), 'update');
    const [status] = only(commandsOf(effects), 'updateStatus');
    expect(update?.object.metadata).toMatchObject({ resourceVersion: storedDeployment(state).metadata.resourceVersion, annotations: { [REVISION_ANNOTATION]: '1' } });
    expect(status?.resourceVersion).toBeUndefined();
    expect(getDeploymentCondition(status?.status as DeploymentStatus, 'Progressing')).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated', message: `Created new replica set "foo-${h1}"` });
  });

  it('sends the rollout status with the copy\'s old resourceVersion, which upstream gets a Conflict for', () => {
    const statuses = only(commandsOf(effects), 'updateStatus');
    expect(statuses[1]?.resourceVersion).toBe(storedDeployment(state).metadata.resourceVersion);
  });
});

describe('an image change', () => {
  const old = (deploymentOf: Deployment) => ownedReplicaSet(deploymentOf, { template: V1, replicas: 3, revision: 1 });

  it('creates revision 2 at maxSurge and leaves the old ReplicaSet while nothing new is available (maxUnavailable 0)', () => {
    const changed = d({ template: V2, generation: 2, annotations: { [REVISION_ANNOTATION]: '1' } });
    const effects = sync(stateWith(changed, old(changed)));
    const [create] = only(commandsOf(effects), 'create');
    const manifest = create?.manifest as ReplicaSet;
    expect(planOf(effects)).toEqual([`create foo-${h2}`, 'update Deployment/foo', 'updateStatus Deployment/foo']);
    expect([manifest.metadata.annotations?.[REVISION_ANNOTATION], manifest.spec.replicas]).toEqual(['2', 1]);
  });

  it('with maxUnavailable 1 also scales the old ReplicaSet down by one in the same sync', () => {
    const changed = d({ template: V2, generation: 2, maxUnavailable: 1, annotations: { [REVISION_ANNOTATION]: '1' } });
    const effects = sync(stateWith(changed, old(changed)));
    expect(planOf(effects)).toEqual([`create foo-${h2}`, 'update Deployment/foo', `update ReplicaSet/foo-${h1}`, 'updateStatus Deployment/foo']);
    const scaled = only(commandsOf(effects), 'update')[1];
    expect([(scaled?.object as ReplicaSet).spec.replicas, scaled?.record?.message]).toEqual([2, `Scaled down replica set foo-${h1} from 3 to 2`]);
  });

  it('scales the new ReplicaSet up once an old pod has gone', () => {
    const changed = d({ template: V2, generation: 2, annotations: { [REVISION_ANNOTATION]: '2' } });
    const newRS = ownedReplicaSet(changed, { template: V2, replicas: 1, revision: 2, available: 1 });
    const oldRS = ownedReplicaSet(changed, { template: V1, replicas: 2, revision: 1 });
    const effects = sync(stateWith(changed, oldRS, newRS));
    const [scaleUp] = only(commandsOf(effects), 'update');
    expect(planOf(effects)).toEqual([`update ReplicaSet/foo-${h2}`, 'updateStatus Deployment/foo']);
    expect([(scaleUp?.object as ReplicaSet).spec.replicas, scaleUp?.record?.message]).toEqual([2, `Scaled up replica set foo-${h2} from 1 to 2`]);
  });
});

describe('Recreate', () => {
  const recreate = d({ strategy: 'Recreate', template: V2, generation: 2, annotations: { [REVISION_ANNOTATION]: '1' } });

  it('scales every old ReplicaSet to zero first and creates nothing', () => {
    const effects = sync(stateWith(recreate, ownedReplicaSet(recreate, { template: V1, replicas: 3, revision: 1 })));
    expect(planOf(effects)).toEqual([`update ReplicaSet/foo-${h1}`, 'updateStatus Deployment/foo']);
    expect(only(commandsOf(effects), 'update')[0]?.record?.message).toBe(`Scaled down replica set foo-${h1} from 3 to 0`);
  });

  it('waits while a pod of an old ReplicaSet may still run, even one being deleted', () => {
    const oldRS = ownedReplicaSet(recreate, { template: V1, replicas: 0, revision: 1, available: 0 });
    const leaving = podOf('old-pod', oldRS);
    const terminating = { ...leaving, metadata: { ...leaving.metadata, deletionTimestamp: '2025-01-01T00:00:05Z' } };
    expect(planOf(sync(stateWith(recreate, oldRS, terminating)))).toEqual(['updateStatus Deployment/foo']);
  });

  it('creates the new ReplicaSet at full size once the old pods are gone', () => {
    const oldRS = ownedReplicaSet(recreate, { template: V1, replicas: 0, revision: 1, available: 0 });
    const effects = sync(stateWith(recreate, oldRS, podOf('done', oldRS, 'Succeeded')));
    const [create] = only(commandsOf(effects), 'create');
    expect((create?.manifest as ReplicaSet).spec.replicas).toBe(3);
  });
});

describe('a paused Deployment', () => {
  const paused = d({ template: V2, generation: 2, paused: true, progressDeadlineSeconds: 600, annotations: { [REVISION_ANNOTATION]: '1' } });
  const effects = sync(stateWith(paused, ownedReplicaSet(paused, { template: V1, replicas: 3, revision: 1 })));

  it('does not roll out its new template', () => {
    expect(only(commandsOf(effects), 'create')).toEqual([]);
  });

  it('marks Progressing Unknown/DeploymentPaused first, so the pause never counts against the deadline', () => {
    const [first] = commandsOf(effects);
    expect(first?.type === 'updateStatus' && getDeploymentCondition(first.status as DeploymentStatus, 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused' });
  });
});

describe('scaling in the middle of a rollout', () => {
  // sync_test.go TestScale "deployment with surge pods": 10 -> 20 with maxSurge 2, 6 + 6 pods.
  const scaled = d({ replicas: 20, maxSurge: 2, template: V2, generation: 2, annotations: { [REVISION_ANNOTATION]: '2' } });
  const sizedFor10 = { desired: 10 };
  const newRS = ownedReplicaSet(scaled, { template: V2, replicas: 6, revision: 2, ...sizedFor10 });
  const oldRS = ownedReplicaSet(scaled, { template: V1, replicas: 6, revision: 1, ...sizedFor10 });
  const effects = sync(stateWith(scaled, oldRS, newRS));
  const updates = only(commandsOf(effects), 'update');

  it('grows every active ReplicaSet in proportion (the new one first among equals)', () => {
    expect(updates.map((update) => [update.object.metadata.name, (update.object as ReplicaSet).spec.replicas])).toEqual([
      [`foo-${h2}`, 11],
      [`foo-${h1}`, 11],
    ]);
  });

  it('records the new desired and max replicas on each', () => {
    expect(updates.map((update) => update.object.metadata.annotations?.['deployment.kubernetes.io/max-replicas'])).toEqual(['22', '22']);
  });

  it('creates nothing: a scaling event is not a rollout', () => {
    expect(only(commandsOf(effects), 'create')).toEqual([]);
  });
});

describe('revisionHistoryLimit', () => {
  const t1 = template({ foo: 'bar' }, 'img:1');
  const t2 = template({ foo: 'bar' }, 'img:2');
  const t3 = template({ foo: 'bar' }, 'img:3');
  const complete: DeploymentStatus = { observedGeneration: 3, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 };
  const limited = d({ template: t3, generation: 3, revisionHistoryLimit: 1, annotations: { [REVISION_ANNOTATION]: '3' }, status: complete });
  const rss = [
    ownedReplicaSet(limited, { template: t1, replicas: 0, revision: 1 }),
    ownedReplicaSet(limited, { template: t2, replicas: 0, revision: 2 }),
    ownedReplicaSet(limited, { template: t3, replicas: 3, revision: 3 }),
  ];

  it('deletes the oldest revisions past the limit once the rollout is complete', () => {
    const effects = sync(stateWith(limited, ...rss));
    expect(only(commandsOf(effects), 'delete').map((command) => command.name)).toEqual([rss[0]?.metadata.name]);
  });

  it('keeps them while the rollout is not complete', () => {
    const rolling = { ...limited, status: { ...complete, availableReplicas: 2 } };
    expect(only(commandsOf(sync(stateWith(rolling, ...rss))), 'delete')).toEqual([]);
  });
});

describe('claiming ReplicaSets', () => {
  it('adopts a matching orphan before anything else, and takes it as its new ReplicaSet', () => {
    const owner = d({ annotations: { [REVISION_ANNOTATION]: '1' } });
    const orphan = ownedReplicaSet(owner, { template: V1, replicas: 3, revision: 1 });
    const { ownerReferences: _owners, ...metadata } = orphan.metadata;
    const effects = sync(stateWith(owner, { ...orphan, metadata }));
    expect(planOf(effects).slice(0, 1)).toEqual([`adopt ReplicaSet/foo-${h1}`]);
    expect(only(commandsOf(effects), 'create')).toEqual([]);
  });

  it('releases its ReplicaSet that no longer matches the selector', () => {
    const owner = d({ annotations: { [REVISION_ANNOTATION]: '1' } });
    const strayRS = ownedReplicaSet(owner, { template: template({ other: 'x' }, 'foo/bar:1'), replicas: 1, revision: 1 });
    expect(planOf(sync(stateWith(owner, strayRS)))[0]).toBe(`release ReplicaSet/${strayRS.metadata.name}`);
  });
});

describe('writes after the working copy went stale', () => {
  it('a resumed Deployment: after the DeploymentResumed write, the revision write of the new ReplicaSet is refused and the sync ends there', () => {
    const resumedCondition = { type: 'Progressing', status: 'Unknown' as const, reason: 'DeploymentPaused', message: 'Deployment is paused', lastUpdateTime: '2025-01-01T00:00:00Z', lastTransitionTime: '2025-01-01T00:00:00Z' };
    const resumed = d({ template: V2, generation: 3, progressDeadlineSeconds: 600, annotations: { [REVISION_ANNOTATION]: '1' }, status: { observedGeneration: 2, conditions: [resumedCondition] } });
    const state = stateWith(resumed, ownedReplicaSet(resumed, { template: V1, replicas: 3, revision: 1 }));
    const effects = sync(state);
    expect(planOf(effects)).toEqual(['updateStatus Deployment/foo', `create foo-${h2}`, 'update Deployment/foo']);
    const [update] = only(commandsOf(effects), 'update');
    expect(update?.object.metadata.resourceVersion).toBe(storedDeployment(state).metadata.resourceVersion);
  });

  it('a ReplicaSet adopted in this sync is written from the listed copy, which conflicts, and the sync ends there', () => {
    const owner = d({ annotations: { [REVISION_ANNOTATION]: '1' } });
    const orphan = ownedReplicaSet(owner, { template: V1, replicas: 3, revision: 1 });
    const { ownerReferences: _owners, annotations: _annotations, ...metadata } = orphan.metadata;
    expect(planOf(sync(stateWith(owner, { ...orphan, metadata })))).toEqual([`adopt ReplicaSet/foo-${h1}`, `update ReplicaSet/foo-${h1}`]);
  });
});

describe('edge cases', () => {
  it('a Deployment being deleted only has its status synced: no create', () => {
    const leaving = d({ generation: 2 });
    const deleting = { ...leaving, metadata: { ...leaving.metadata, deletionTimestamp: '2025-01-01T00:00:01Z' } };
    expect(planOf(sync(stateWith(deleting)))).toEqual(['updateStatus Deployment/foo']);
  });

  it('a hash collision fails the create and bumps status.collisionCount', () => {
    const colliding = d();
    const squatter = { ...ownedReplicaSet(colliding, { template: template({ other: 'x' }, 'else'), replicas: 0, revision: 1 }) };
    const named = { ...squatter, metadata: { ...squatter.metadata, name: `foo-${h1}`, ownerReferences: [] } };
    const effects = sync(stateWith(colliding, named));
    expect(planOf(effects)).toEqual([`create foo-${h1}`, 'updateStatus Deployment/foo']);
    const [status] = only(commandsOf(effects), 'updateStatus');
    expect((status?.status as DeploymentStatus).collisionCount).toBe(1);
  });

  it('a Deployment that no longer exists asks for nothing', () => {
    expect(sync(stateWith())).toEqual([]);
  });
});
