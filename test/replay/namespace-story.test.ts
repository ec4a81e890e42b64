// How the story tells a namespace's deletion: the phase its delete sets, the conditions the
// namespace controller writes, and the finalizer it takes away.

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/objects.ts';
import { kindDefinition } from '../../kinds/registry.ts';
import { describeObjectUpdate } from '../../replay/object-change.ts';

const namespace = (phase: string, finalizers: string[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'shop', uid: 'u', creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { finalizers },
  status: { phase },
});

describe('the story of a namespace deletion', () => {
  it('tells the phase and the spec finalizer', () => {
    expect(describeObjectUpdate(namespace('Active', ['kubernetes']), namespace('Terminating', ['kubernetes']))).toBe('phase Active -> Terminating');
    expect(describeObjectUpdate(namespace('Terminating', ['kubernetes']), namespace('Terminating', []))).toBe('spec finalizer kubernetes removed');
  });

  it('tells what still holds the deletion, from the conditions that are True', () => {
    const tell = kindDefinition('Namespace')?.tellStatus;
    const remaining = { type: 'NamespaceContentRemaining', status: 'True', message: 'Some resources are remaining: pods. has 1 resource instances' };
    const clear = { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', message: 'All resources successfully discovered' };
    expect(tell?.({ phase: 'Terminating', conditions: [clear, remaining] })).toBe('Some resources are remaining: pods. has 1 resource instances');
    expect(tell?.({ phase: 'Terminating', conditions: [clear] })).toBe('all content removed');
  });
});
