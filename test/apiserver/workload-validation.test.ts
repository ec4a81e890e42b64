// Admission of the workload kinds: upstream's defaults and validation messages.

import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import type { Deployment, Job } from '../../core/workloads.ts';
import { kindTable } from '../../reducers/lookup.ts';
import { ApiHarness } from '../support/api-harness.ts';

function rejectedMessage(events: KsimEvent[]): string | undefined {
  const event = events[0];
  return event?.type === 'request/rejected' ? event.message : undefined;
}

const podTemplate = (labels: Record<string, string>, restartPolicy?: string) => ({
  metadata: { labels },
  spec: { ...(restartPolicy === undefined ? {} : { restartPolicy }), containers: [{ name: 'app', image: 'app:1' }] },
});

describe('admission of workloads', () => {
  it('defaults a Deployment as upstream: one replica, RollingUpdate 25%/25%, ten revisions, a 600 s deadline', () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) } });
    const stored = kindTable<Deployment>(api.state, 'Deployment').get('default/web');
    expect(stored?.spec).toMatchObject({
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
    });
    expect(stored?.metadata.generation).toBe(1);
  });

  it('refuses a RollingUpdate with both surge and unavailability zero', () => {
    const api = new ApiHarness();
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } };
    const events = api.apply({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { strategy, selector: { matchLabels: { app: 'web' } }, template: podTemplate({ app: 'web' }) } });
    expect(rejectedMessage(events)).toBe('Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0');
  });

  it("generates a Job's selector and labels from its uid, and refuses pods that would always restart", () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: podTemplate({}, 'Never') } });
    const job = kindTable<Job>(api.state, 'Job').get('default/pi');
    expect(job?.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': job?.metadata.uid } });
    expect(job?.spec).toMatchObject({ completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false });
    expect(job?.spec.template.metadata?.labels).toMatchObject({ 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' });
    const events = api.apply({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'loop' }, spec: { template: podTemplate({}) } });
    expect(rejectedMessage(events)).toBe('Job.batch "loop" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"');
  });

  it('refuses a CronJob whose Jobs would all be refused (Indexed without completions)', () => {
    const api = new ApiHarness();
    const jobTemplate = { spec: { completionMode: 'Indexed', parallelism: 2, template: podTemplate({}, 'Never') } };
    const events = api.apply({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'x' }, spec: { schedule: '* * * * *', jobTemplate } });
    expect(rejectedMessage(events)).toBe('CronJob.batch "x" is invalid: spec.jobTemplate.spec.completions: Required value: when completion mode is Indexed');
  });

  it('refuses a change to a StatefulSet field that may not change', () => {
    const api = new ApiHarness();
    const set = (serviceName: string) => ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName, selector: { matchLabels: { app: 'db' } }, template: podTemplate({ app: 'db' }) } });
    api.apply(set('db'));
    expect(rejectedMessage(api.apply(set('other')))).toBe(
      "StatefulSet.apps \"db\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
  });
});
