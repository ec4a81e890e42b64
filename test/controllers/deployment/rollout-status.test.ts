// kubectl rollout status messages for a Deployment.

import { describe, expect, it } from 'vitest';
import { rolloutStatusView } from '../../../controllers/deployment/rollout-status.ts';
import type { DeploymentStatus } from '../../../core/workloads.ts';
import { deployment } from './builders.ts';

describe('rolloutStatusView', () => {
  // Ported from rollout_status_test.go TestDeploymentStatusViewerStatus (all 5 cases), deployment "foo".
  const cases: { name: string; generation: number; replicas: number; status: DeploymentStatus; message: string; done: boolean }[] = [
    { name: 'test1', generation: 0, replicas: 1, status: { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1 }, message: 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...', done: false },
    { name: 'test2', generation: 1, replicas: 1, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2 }, message: 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...', done: false },
    { name: 'test3', generation: 1, replicas: 2, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 }, message: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...', done: false },
    { name: 'test4', generation: 1, replicas: 2, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }, message: 'deployment "foo" successfully rolled out', done: true },
    { name: 'test5', generation: 2, replicas: 2, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2 }, message: 'Waiting for deployment spec update to be observed...', done: false },
  ];
  for (const test of cases) {
    it(test.name, () => {
      const d = deployment({ replicas: test.replicas, generation: test.generation, status: test.status });
      expect(rolloutStatusView(d)).toEqual({ kind: 'status', message: test.message, done: test.done });
    });
  }

  it('fails once the progress deadline is recorded as exceeded', () => {
    const status = { observedGeneration: 1, conditions: [{ type: 'Progressing', status: 'False' as const, reason: 'ProgressDeadlineExceeded' }] };
    expect(rolloutStatusView(deployment({ name: 'web', generation: 1, status }))).toEqual({ kind: 'error', message: 'deployment "web" exceeded its progress deadline' });
  });

  it('fails when --revision names another revision', () => {
    const d = deployment({ annotations: { 'deployment.kubernetes.io/revision': '3' } });
    expect(rolloutStatusView(d, 2)).toEqual({ kind: 'error', message: 'desired revision (2) is different from the running revision (3)' });
  });
});
