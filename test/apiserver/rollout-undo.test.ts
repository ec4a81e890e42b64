// `kubectl rollout undo` for a Deployment, worked out at admission as kubectl's
// DeploymentRollbacker does, on the fixtures of kubectl's history_test.go ("moons", revisions 1
// to 4, each ReplicaSet running foo:<revision>).

import { describe, expect, it } from 'vitest';
import { deploymentUndo } from '../../apiserver/kubectl/rollback.ts';
import type { RolloutOutcome } from '../../apiserver/kubectl/rollout.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import type { Deployment } from '../../core/workloads.ts';
import { deployment, MINUTE_MS, rs, template } from '../controllers/deployment/builders.ts';
import { stateWith } from '../controllers/replicaset/builders.ts';

const REVISION = 'deployment.kubernetes.io/revision';
const request = { verb: 'patch', kind: 'Deployment', namespace: 'default', name: 'moons' };

const revisionRS = (revision: number, changeCause?: string, labels: Record<string, string> = { foo: 'bar' }): ReplicaSet =>
  rs(`moons-${revision}`, 1, {
    createdMs: revision * MINUTE_MS,
    ownerUid: 'moons-uid',
    template: template(labels, `foo:${revision}`),
    annotations: { [REVISION]: String(revision), ...(changeCause === undefined ? {} : { 'kubernetes.io/change-cause': changeCause }) },
  });
const history = [revisionRS(1), revisionRS(2), revisionRS(3, 'foo change cause'), revisionRS(4, 'bar change cause')];
const current = deployment({ name: 'moons', uid: 'moons-uid', template: template({ foo: 'bar' }, 'foo:4'), annotations: { [REVISION]: '4' } });

function undo(d: Deployment, replicaSets: readonly ReplicaSet[], toRevision: number): RolloutOutcome {
  return deploymentUndo(d, toRevision, request, stateWith(d, ...replicaSets));
}

function refusal(outcome: RolloutOutcome): string | undefined {
  return 'refused' in outcome && outcome.refused.type === 'request/rejected' ? outcome.refused.message : undefined;
}

describe('rollout undo of a Deployment', () => {
  it('rolls back to the previous revision by default', () => {
    const outcome = undo(current, history, 0);
    expect('object' in outcome && (outcome.object as Deployment).spec.template.spec.containers[0]?.image).toBe('foo:3');
  });

  it('takes the change cause from the ReplicaSet and keeps the Deployment revision annotation', () => {
    const outcome = undo(current, history, 3);
    expect('object' in outcome && outcome.object.metadata.annotations).toEqual({ [REVISION]: '4', 'kubernetes.io/change-cause': 'foo change cause' });
  });

  it('drops the pod-template-hash label from the template it writes back', () => {
    const hashed = revisionRS(1, undefined, { foo: 'bar', 'pod-template-hash': 'abc' });
    const outcome = undo(current, [hashed, revisionRS(4)], 1);
    expect('object' in outcome && (outcome.object as Deployment).spec.template.metadata?.labels).toEqual({ foo: 'bar' });
  });

  it('skips a rollback to the template already running, naming the revision asked for', () => {
    expect(undo(current, history, 4)).toEqual({ skipped: 'skipped rollback (current template already matches revision 4)' });
  });

  it('reports a revision that is not in the history', () => {
    expect(refusal(undo(current, history, 7))).toBe('unable to find specified revision 7 in history');
  });

  it('reports a deployment without a previous revision', () => {
    expect(refusal(undo(current, [revisionRS(4)], 0))).toBe('no rollout history found for deployment "moons"');
  });

  it('looks the revision up before refusing a paused deployment, as kubectl does', () => {
    const paused = { ...current, spec: { ...current.spec, paused: true } };
    expect(refusal(undo(paused, history, 9))).toBe('unable to find specified revision 9 in history');
    expect(refusal(undo(paused, history, 0))).toBe("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  });

  it("ignores ReplicaSets the Deployment controls but no longer selects", () => {
    const unselected = revisionRS(5, undefined, { foo: 'other' });
    const outcome = undo(current, [...history, unselected], 0);
    expect('object' in outcome && (outcome.object as Deployment).spec.template.spec.containers[0]?.image).toBe('foo:3');
  });
});
