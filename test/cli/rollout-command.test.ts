// `ksim rollout history|status` on the log of a small Deployment rolled from nginx:1 to nginx:2
// at 30s (each pod ready a few seconds after it starts).

import { beforeAll, describe, expect, it } from 'vitest';
import { rolloutCommand, type RolloutOptions } from '../../cli/rollout-command.ts';
import type { Scenario } from '../../scenarios/codecs.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { captureIo, writeLog } from './helpers.ts';

const scenario: Scenario = {
  name: 'rollout',
  until: 120_000,
  nodes: [{ name: 'node-1', capacity: { cpu: '4', memory: '8Gi' } }],
  images: { default: { pull: 0, start: 1000, ready: 2000 } },
  steps: [
    {
      atMs: 0,
      action: 'apply',
      value: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1' }] } } },
      },
    },
    { atMs: 30_000, action: 'setImage', value: { kind: 'Deployment', name: 'web', container: 'nginx', image: 'nginx:2' } },
  ],
};

let log = '';

beforeAll(() => {
  log = writeLog(simulate(scenario, { seed: 3 }).events);
});

function rollout(options: Omit<RolloutOptions, 'log'>): string {
  const io = captureIo();
  rolloutCommand({ log, ...options }, io);
  return io.stdout();
}

describe('ksim rollout', () => {
  it('lists the revisions as kubectl rollout history does', () => {
    expect(rollout({ action: 'history', kind: 'deployment', name: 'web' })).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  it("shows one revision's pod template with --revision", () => {
    const output = rollout({ action: 'history', kind: 'deploy', name: 'web', revision: '1' });
    expect(output).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n/);
    expect(output).toMatch(/\n {4}Image: +nginx:1\n/);
  });

  it('says how far a rollout got at a moment of the run, and when it is done', () => {
    expect(rollout({ action: 'status', kind: 'deployment', name: 'web', time: '30s' })).toBe('Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...\n');
    expect(rollout({ action: 'status', kind: 'deployment', name: 'web' })).toBe('deployment "web" successfully rolled out\n');
  });

  it('refuses a kind kubectl has no viewer for, and an object that is not there', () => {
    expect(() => rollout({ action: 'status', kind: 'rs', name: 'web' })).toThrow('no status viewer has been implemented for "ReplicaSet"');
    expect(() => rollout({ action: 'history', kind: 'deployment', name: 'nope' })).toThrow(expect.objectContaining({ message: 'deployments.apps "nope" not found', exitCode: 1 }));
  });
});
