import { kindTable } from '../../reducers/lookup.ts';
import type { ReplicaSet } from '../../core/objects.ts';
import { describe, expect, it } from 'vitest';
import type { KsimEvent } from '../../core/events.ts';
import { ApiHarness, podManifest, replicaSetManifest } from '../support/api-harness.ts';

function rejected(events: KsimEvent[]) {
  const event = events[0];
  if (event?.type !== 'request/rejected') throw new Error(`expected a rejection, got ${event?.type}`);
  return { code: event.code, reason: event.reason, message: event.message };
}

describe('admission: create', () => {
  it('stamps uid, creationTimestamp from virtual time, and pod defaults', () => {
    const api = new ApiHarness();
    api.apply(podManifest('web'), 90_000);
    const pod = api.state.pods.get('default/web');
    expect(pod?.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod?.metadata.creationTimestamp).toBe('2025-01-01T00:01:30Z');
    expect(pod?.spec).toMatchObject({ restartPolicy: 'Always', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', dnsPolicy: 'ClusterFirst' });
    expect(pod?.spec.containers[0]).toMatchObject({ imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log' });
    expect(pod?.spec.tolerations?.map((t) => t.key)).toEqual(['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']);
    expect(pod?.status.phase).toBe('Pending');
  });

  it('defaults requests to limits and pull policy Always for :latest', () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'app:latest', resources: { limits: { cpu: '1' } } }] } });
    const container = api.state.pods.get('default/p')?.spec.containers[0];
    expect(container?.resources?.requests).toEqual({ cpu: '1' });
    expect(container?.imagePullPolicy).toBe('Always');
  });

  it('sets the QoS class at creation from the defaulted spec, as the pod strategy does', () => {
    const api = new ApiHarness();
    const withResources = (name: string, resources: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'a', image: 'app', resources }] } });
    api.apply(withResources('limits-only', { limits: { cpu: '1', memory: '1Gi' } }));
    api.apply(withResources('cpu-limit-only', { limits: { cpu: '1' } }));
    api.apply(withResources('none', {}));
    const classes = ['limits-only', 'cpu-limit-only', 'none'].map((name) => api.state.pods.get(`default/${name}`)?.status.qosClass);
    expect(classes).toEqual(['Guaranteed', 'Burstable', 'BestEffort']);
  });

  it('draws a five-character suffix for generateName', () => {
    const api = new ApiHarness(7);
    api.apply({ ...podManifest('x'), metadata: { generateName: 'web-' } });
    const [name] = api.state.pods.sortedKeys();
    expect(name).toMatch(/^default\/web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('refuses a ReplicaSet whose selector does not match its template labels, in upstream words', () => {
    const api = new ApiHarness();
    const manifest = replicaSetManifest('web', 2);
    const spec = manifest.spec as Record<string, unknown>;
    const events = api.apply({ ...manifest, spec: { ...spec, selector: { matchLabels: { app: 'other' } } } });
    expect(rejected(events)).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'ReplicaSet.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    });
    expect(kindTable<ReplicaSet>(api.state, 'ReplicaSet').size).toBe(0);
  });

  it('lists several field errors in brackets', () => {
    const api = new ApiHarness();
    const events = api.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }], restartPolicy: 'Sometimes' } });
    expect(rejected(events).message).toBe(
      'Pod "p" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]',
    );
  });

  it('refuses bad names, missing names and unparseable quantities', () => {
    const api = new ApiHarness();
    expect(rejected(api.apply(podManifest('Web_1'))).message).toContain('metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain');
    expect(rejected(api.apply({ ...podManifest('x'), metadata: {} })).message).toBe('Pod "" is invalid: metadata.name: Required value: name or generateName is required');
    // resource.Quantity's JSON decoding refuses it before validation runs.
    expect(rejected(api.apply(podManifest('q', { cpu: 'lots' }))).message).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it('refuses a second object with the same name and an unknown namespace', () => {
    const api = new ApiHarness();
    api.run({ type: 'create', actor: 'user', manifest: podManifest('web') });
    expect(rejected(api.run({ type: 'create', actor: 'user', manifest: podManifest('web') }))).toEqual({ code: 409, reason: 'AlreadyExists', message: 'pods "web" already exists' });
    const elsewhere = { ...podManifest('web'), metadata: { name: 'web', namespace: 'nowhere' } };
    expect(rejected(api.apply(elsewhere))).toEqual({ code: 404, reason: 'NotFound', message: 'namespaces "nowhere" not found' });
  });

  it('refuses a manifest without kind, or with the wrong apiVersion for its kind', () => {
    const api = new ApiHarness();
    expect(rejected(api.apply({ apiVersion: 'v1', metadata: { name: 'x' } })).message).toMatch(/^Object 'Kind' is missing in/);
    expect(rejected(api.apply({ ...replicaSetManifest('web', 1), apiVersion: 'v1' })).message).toBe('no matches for kind "ReplicaSet" in version "v1"');
  });

  it('refuses a kind the cluster does not serve, as kubectl reports it', () => {
    const api = new ApiHarness();
    expect(rejected(api.apply({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).message).toBe('no matches for kind "Widget" in version "example.com/v1"');
  });

  it('keeps kinds it does not model as given, with system metadata', () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'fast' } });
    const stored = kindTable(api.state, 'ConfigMap').get('default/settings');
    expect(stored?.data).toEqual({ mode: 'fast' });
    expect(stored?.metadata.uid).toBeDefined();
  });

  it('labels a namespace with its own name, as upstream does', () => {
    const api = new ApiHarness();
    api.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    expect(kindTable(api.state, 'Namespace').get('team-a')?.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
  });
});
