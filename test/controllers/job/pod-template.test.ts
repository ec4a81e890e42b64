// The Job's generated selector (generateSelector, pkg/registry/batch/job/strategy.go) and the pods
// manageJob builds (job_controller.go and indexed_job_utils.go's addCompletionIndex* helpers).

import { describe, expect, it } from 'vitest';
import { generateSelector, jobPodManifest } from '../../../controllers/job/pod-template.ts';
import { job } from './builders.ts';

interface Manifest {
  readonly metadata: {
    readonly generateName?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
    readonly finalizers?: readonly string[];
    readonly ownerReferences?: readonly { readonly kind: string; readonly name: string; readonly controller?: boolean }[];
  };
  readonly spec: { readonly hostname?: string; readonly containers: readonly { readonly env?: readonly unknown[] }[] };
}

const manifest = (value: Record<string, unknown>): Manifest => value as unknown as Manifest;

describe('generateSelector', () => {
  it('labels the template with the legacy and prefixed job-name and controller-uid labels', () => {
    const generated = generateSelector('pi', 'uid-1', { app: 'pi' }, undefined);
    expect(generated.templateLabels).toEqual({
      app: 'pi',
      'job-name': 'pi',
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': 'uid-1',
      'batch.kubernetes.io/controller-uid': 'uid-1',
    });
  });

  it('selects on batch.kubernetes.io/controller-uid', () => {
    expect(generateSelector('pi', 'uid-1', undefined, undefined).selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-1' } });
  });

  it('keeps a label the user set', () => {
    expect(generateSelector('pi', 'uid-1', { 'job-name': 'mine' }, undefined).templateLabels['job-name']).toBe('mine');
  });
});

describe('jobPodManifest', () => {
  it('asks for "<job>-" with the tracking finalizer and a controller reference', () => {
    const pod = manifest(jobPodManifest(job()));
    expect(pod.metadata.generateName).toBe('job-abc-');
    expect(pod.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'job-abc', controller: true });
  });

  it('gives an indexed pod its index, hostname and generateName', () => {
    const pod = manifest(jobPodManifest(job({ completionMode: 'Indexed', completions: 3 }), { index: 2 }));
    expect(pod.metadata.generateName).toBe('job-abc-2-');
    expect(pod.spec.hostname).toBe('job-abc-2');
    expect(pod.metadata.annotations?.['batch.kubernetes.io/job-completion-index']).toBe('2');
    expect(pod.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('2');
  });

  it('adds JOB_COMPLETION_INDEX from the index label to every container', () => {
    const pod = manifest(jobPodManifest(job({ completionMode: 'Indexed', completions: 3 }), { index: 0 }));
    expect(pod.spec.containers[0]?.env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } },
    ]);
  });

  it('writes the failure counts with backoffLimitPerIndex, the ignored count only when positive', () => {
    const j = job({ completionMode: 'Indexed', completions: 3, backoffLimitPerIndex: 1 });
    const pod = manifest(jobPodManifest(j, { index: 1, failureCounts: { failureCount: 1, ignoredFailureCount: 0 } }));
    expect(pod.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count']).toBe('1');
    expect(pod.metadata.annotations?.['batch.kubernetes.io/job-index-ignored-failure-count']).toBeUndefined();
  });
});
