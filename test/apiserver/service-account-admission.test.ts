// The ServiceAccount admission plugin for new pods, with upstream's message.

import { describe, expect, it } from 'vitest';
import { ApiHarness, podManifest } from '../support/api-harness.ts';

const withAccount = (name: string, account: string | undefined, field = 'serviceAccountName') => {
  const pod = podManifest(name) as { spec: Record<string, unknown> };
  return { ...pod, spec: account === undefined ? pod.spec : { ...pod.spec, [field]: account } };
};

describe('admission: service accounts', () => {
  it('gives a pod that names none the default account, in both the field and its deprecated alias', () => {
    const api = new ApiHarness();
    api.apply(withAccount('web', undefined));
    expect(api.state.pods.get('default/web')?.spec).toMatchObject({ serviceAccountName: 'default', serviceAccount: 'default' });
  });

  it('refuses a pod whose account does not exist', () => {
    const api = new ApiHarness();
    const [refused] = api.apply(withAccount('web', 'builder'));
    expect(refused?.type === 'request/rejected' && [refused.code, refused.message]).toEqual([
      403,
      'pods "web" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
    ]);
  });

  it('admits the pod once the account exists', () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'builder' } });
    api.apply(withAccount('web', 'builder'));
    expect(api.state.pods.get('default/web')?.spec.serviceAccountName).toBe('builder');
  });

  it('reads the deprecated serviceAccount as the name when serviceAccountName is not given', () => {
    const api = new ApiHarness();
    const [refused] = api.apply(withAccount('web', 'legacy', 'serviceAccount'));
    expect(refused?.type === 'request/rejected' && refused.message).toContain('serviceaccount "legacy" not found');
  });

  it('admits a pod of a namespace whose default account the controller is still to create, as upstream waits for it', () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'fresh' } });
    api.apply({ ...podManifest('web'), metadata: { name: 'web', namespace: 'fresh' } });
    expect(api.state.pods.get('fresh/web')?.spec.serviceAccountName).toBe('default');
  });

  it('keeps the account on an update that leaves it out', () => {
    const api = new ApiHarness();
    api.apply(withAccount('web', undefined));
    api.apply({ ...withAccount('web', undefined), metadata: { name: 'web', labels: { tier: 'front' } } });
    expect(api.state.pods.get('default/web')?.spec.serviceAccountName).toBe('default');
    expect(api.state.pods.get('default/web')?.metadata.labels).toEqual({ tier: 'front' });
  });
});
