// The Deployment controller's requests as the API server answers them, with no other controller
// running: the Conflict upstream gets when it writes its working copy twice in one sync (and the
// retry that settles it), and a pod-template-hash collision resolved through collisionCount.

import { describe, expect, it } from 'vitest';
import { deploymentController } from '../../../controllers/deployment/index.ts';
import { computeHash } from '../../../controllers/deployment/pod-template-hash.ts';
import type { KsimEvent } from '../../../core/events.ts';
import type { ReplicaSet } from '../../../core/objects.ts';
import { ClusterHarness } from '../../support/cluster-harness.ts';
import { progressing, replicaSets, revision, web, webDeployment } from './cluster.ts';

function rejections(events: readonly KsimEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'request/rejected' ? [`${event.actor} ${event.code} ${event.request.verb} ${event.request.kind}`] : []));
}

describe('a new Deployment, the Deployment controller alone', () => {
  const cluster = new ClusterHarness([deploymentController()]);
  const events = cluster.apply(web({ replicas: 2 }));

  it('has its second Deployment write of the first sync refused with a Conflict, as upstream does', () => {
    expect(rejections(events)).toEqual(['controller/deployment 409 update Deployment']);
  });

  it('settles on the next sync: revision 1, the generation observed, the ReplicaSet at full size', () => {
    const d = webDeployment(cluster.state);
    expect([revision(cluster.state), d.status.observedGeneration, replicaSets(cluster.state).map((rs) => rs.spec.replicas)]).toEqual(['1', 1, [2]]);
  });

  it('keeps the NewReplicaSetCreated condition while nothing has progressed', () => {
    expect(progressing(cluster.state)).toMatchObject({ status: 'True', reason: 'NewReplicaSetCreated' });
  });
});

describe('a pod-template-hash collision', () => {
  const cluster = new ClusterHarness([deploymentController()]);
  cluster.apply({ ...web({ replicas: 1 }), spec: { ...(web().spec as object), replicas: 1, paused: true } });
  const template = webDeployment(cluster.state).spec.template;
  const taken = `web-${computeHash(template)}`;
  cluster.apply({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: taken, labels: { app: 'squatter' } },
    spec: { replicas: 0, selector: { matchLabels: { app: 'squatter' } }, template: { metadata: { labels: { app: 'squatter' } }, spec: { containers: [{ name: 'app', image: 'other' }] } } },
  });
  const events = cluster.run({ type: 'rollout', action: 'resume', actor: 'user', kind: 'Deployment', namespace: 'default', name: 'web' });

  it('fails the create with AlreadyExists and bumps collisionCount', () => {
    expect(rejections(events)).toContain('controller/deployment 409 create ReplicaSet');
    expect(webDeployment(cluster.state).status.collisionCount).toBe(1);
  });

  it('creates the ReplicaSet under the name the bumped count gives', () => {
    const owned = replicaSets(cluster.state).filter((rs: ReplicaSet) => rs.metadata.ownerReferences?.[0]?.name === 'web');
    expect(owned.map((rs) => rs.metadata.name)).toEqual([`web-${computeHash(template, 1)}`]);
  });
});
