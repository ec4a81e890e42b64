import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../core/clock.ts';
import type { KsimEvent } from '../../core/events.ts';
import type { PodStatus } from '../../core/objects.ts';
import { describePodStatusChange } from '../../replay/pod-status-change.ts';
import { Storyteller, storyLines } from '../../replay/story.ts';
import { event, nodeObject, podObject, replicaSetObject, runningStatus } from './builders.ts';

const pod = podObject('web-x7k2p');

function tellAll(events: readonly KsimEvent[], teller = new Storyteller()): (string | undefined)[] {
  return events.map((each) => teller.tell(each));
}

function lastLine(events: readonly KsimEvent[], teller = new Storyteller()): string | undefined {
  return tellAll(events, teller).at(-1);
}

function crashed(restartCount: number): PodStatus {
  return runningStatus(0, [
    {
      ready: false,
      restartCount,
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: toTimestamp(60_000) } },
    },
  ]);
}

describe('story lines', () => {
  it('prints time, revision, actor, type, object and detail in columns', () => {
    const bound = event(42, 65_000, 'kube-scheduler', {
      type: 'pod/bound',
      namespace: 'default',
      name: 'web-x7k2p',
      nodeName: 'node-2',
    });
    expect(new Storyteller().tell(bound)).toBe(
      '[   1m5s] rev 42  kube-scheduler        pod/bound                default/web-x7k2p -> node-2',
    );
  });

  it('tells which scheduling gates an update removed, and when the last goes', () => {
    const gated = (...names: string[]) => ({ ...pod, spec: { ...pod.spec, schedulingGates: names.map((name) => ({ name })) } });
    const teller = new Storyteller();
    teller.tell(event(1, 0, 'user', { type: 'pod/created', object: gated('example.com/foo', 'example.com/bar') }));
    expect(teller.tell(event(2, 30_000, 'user', { type: 'pod/updated', object: gated('example.com/bar') }))).toMatch(/pod\/updated\s+default\/web-x7k2p scheduling gate example.com\/foo removed$/);
    expect(teller.tell(event(3, 50_000, 'user', { type: 'pod/updated', object: gated() }))).toMatch(/scheduling gate example.com\/bar removed, ready for scheduling$/);
    expect(teller.tell(event(4, 60_000, 'user', { type: 'pod/updated', object: gated() }))).toMatch(/pod\/updated\s+default\/web-x7k2p$/);
  });

  it('names the owner of a created pod', () => {
    const owned = podObject('web-x7k2p', { owner: replicaSetObject('web', 3) });
    expect(
      new Storyteller().tell(event(1, 0, 'controller/replicaset', { type: 'pod/created', object: owned })),
    ).toMatch(/pod\/created\s+default\/web-x7k2p owned by ReplicaSet\/web$/);
  });

  it('says how the phase and readiness changed', () => {
    const lines = tellAll([
      event(1, 0, 'user', { type: 'pod/created', object: pod }),
      event(2, 1500, 'kubelet/node-2', {
        type: 'pod/statusUpdated',
        namespace: 'default',
        name: 'web-x7k2p',
        status: runningStatus(1500),
      }),
    ]);
    expect(lines[1]).toMatch(/pod\/statusUpdated\s+default\/web-x7k2p phase Pending -> Running, ready 1\/1$/);
  });

  it('says a container restarted, why it last stopped, and that it backs off', () => {
    const line = lastLine([
      event(1, 0, 'user', {
        type: 'pod/created',
        object: podObject('web-x7k2p', { status: runningStatus(0) }),
      }),
      event(2, 61_000, 'kubelet/node-2', {
        type: 'pod/statusUpdated',
        namespace: 'default',
        name: 'web-x7k2p',
        status: crashed(1),
      }),
    ]);
    expect(line).toMatch(
      /default\/web-x7k2p ready 0\/1, web restarted after Error \(exit code 1\), 1 restart, waiting: CrashLoopBackOff$/,
    );
  });

  it('gives the scheduler reason and message of a scheduling failure', () => {
    const failed = event(5, 0, 'kube-scheduler', {
      type: 'pod/schedulingFailed',
      namespace: 'default',
      name: 'web-x7k2p',
      reason: 'Unschedulable',
      message: '0/3 nodes are available: 3 Insufficient cpu.',
    });
    expect(new Storyteller().tell(failed)).toMatch(
      /default\/web-x7k2p Unschedulable: 0\/3 nodes are available: 3 Insufficient cpu\.$/,
    );
  });

  it('tells the node a preemption nominated, and a nomination cleared', () => {
    const created = event(1, 0, 'user', { type: 'pod/created', object: pod });
    const failure = { type: 'pod/schedulingFailed', namespace: 'default', name: 'web-x7k2p', reason: 'Unschedulable' } as const;
    const nominated = event(2, 0, 'kube-scheduler', { ...failure, message: '0/2 nodes are available: 2 Insufficient cpu.', nominatedNodeName: 'node-1' });
    const cleared = event(3, 0, 'kube-scheduler', { ...failure, message: 'm.', nominatedNodeName: '' });
    const [, first, second] = tellAll([created, nominated, cleared]);
    expect(first).toMatch(/default\/web-x7k2p Unschedulable \(nominated to node-1\): 0\/2 nodes are available: 2 Insufficient cpu\.$/);
    expect(second).toMatch(/default\/web-x7k2p Unschedulable \(nominated node cleared\): m\.$/);
  });

  it('tells a victim marked by preemption, and a nomination cleared by a status write', () => {
    const condition = { type: 'DisruptionTarget', status: 'True' as const, reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' };
    expect(describePodStatusChange({ phase: 'Running' }, { phase: 'Running', conditions: [condition] })).toBe('DisruptionTarget: PreemptionByScheduler');
    expect(describePodStatusChange({ phase: 'Pending', nominatedNodeName: 'node-1' }, { phase: 'Pending' })).toBe('nominated node node-1 cleared');
  });

  it('gives the verb, code, reason and message of a refused request', () => {
    const refused = event(7, 0, 'user', {
      type: 'request/rejected',
      request: { verb: 'create', kind: 'Pod', namespace: 'default', name: 'web' },
      code: 409,
      reason: 'AlreadyExists',
      message: 'pods "web" already exists',
    });
    expect(new Storyteller().tell(refused)).toBe(
      '[     0s] rev 7   user                  request/rejected         Pod default/web create: 409 AlreadyExists: pods "web" already exists',
    );
  });

  it('says how many replicas a ReplicaSet had before a scale', () => {
    const line = lastLine([
      event(1, 0, 'user', { type: 'object/created', object: replicaSetObject('web', 3) }),
      event(2, 0, 'user', { type: 'object/scaled', kind: 'ReplicaSet', namespace: 'default', name: 'web', replicas: 5 }),
    ]);
    expect(line).toMatch(/object\/scaled\s+ReplicaSet default\/web replicas 3 -> 5$/);
  });

  it('names the kind of generic objects, and warns when a user stores one nothing simulates', () => {
    // ConfigMaps were the example here until the kubelet started reading them; PodTemplates are still stored only.
    const template = {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'cfg', namespace: 'default', uid: 'u1', creationTimestamp: toTimestamp(0) },
    };
    expect(new Storyteller().tell(event(3, 0, 'user', { type: 'object/created', object: template }))).toBe(
      '[     0s] rev 3   user                  object/created           PodTemplate default/cfg stored only: PodTemplates are stored only',
    );
    expect(new Storyteller().tell(event(3, 0, 'controller/x', { type: 'object/created', object: template }))).toMatch(/PodTemplate default\/cfg$/);
  });

  it('warns of pod fields the simulation ignores, for a person\'s write only', () => {
    // Probes run now; lifecycle hooks are a field the simulation still ignores.
    const withHook = podObject('web-x7k2p');
    const hooked = { ...withHook, spec: { ...withHook.spec, containers: [{ name: 'web', image: 'nginx', lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } } }] } };
    expect(new Storyteller().tell(event(1, 0, 'user', { type: 'pod/created', object: hooked }))).toMatch(
      /default\/web-x7k2p warning: spec.containers\[\*\] lifecycle: postStart and preStop hooks do not run$/,
    );
  });

  it('leaves out heartbeats that change nothing', () => {
    const node = nodeObject('node-1');
    const lines = tellAll([
      event(1, 0, 'kubelet/node-1', { type: 'node/joined', object: node }),
      event(2, 10_000, 'kubelet/node-1', {
        type: 'node/statusReported',
        name: 'node-1',
        status: node.status,
      }),
    ]);
    expect(lines[1]).toBeUndefined();
  });

  it('tells heartbeats when asked to', () => {
    const node = nodeObject('node-1');
    const teller = new Storyteller({ heartbeats: true });
    const line = lastLine(
      [
        event(1, 0, 'kubelet/node-1', { type: 'node/joined', object: node }),
        event(2, 10_000, 'kubelet/node-1', {
          type: 'node/statusReported',
          name: 'node-1',
          status: node.status,
        }),
      ],
      teller,
    );
    expect(line).toMatch(/node\/statusReported\s+node-1 Ready, heartbeat$/);
  });

  it('tells a node going not ready, with the reason', () => {
    const line = lastLine([
      event(1, 0, 'kubelet/node-1', { type: 'node/joined', object: nodeObject('node-1') }),
      event(2, 40_000, 'node-lifecycle', {
        type: 'node/statusReported',
        name: 'node-1',
        status: nodeObject('node-1', { ready: false }).status,
      }),
    ]);
    expect(line).toMatch(/node-1 Ready -> NotReady \(KubeletNotReady\)$/);
  });

  it('leaves out what the skip option rejects, but still remembers it', () => {
    const teller = new Storyteller({ skip: (each) => each.type === 'pod/created' });
    const lines = tellAll(
      [
        event(1, 0, 'user', { type: 'pod/created', object: pod }),
        event(2, 1500, 'kubelet/node-2', {
          type: 'pod/statusUpdated',
          namespace: 'default',
          name: 'web-x7k2p',
          status: runningStatus(1500),
        }),
      ],
      teller,
    );
    expect(lines[0]).toBeUndefined();
    expect(lines[1]).toMatch(/phase Pending -> Running/);
  });

  it('widens the rev column to the last revision', () => {
    const many = Array.from({ length: 1200 }, (_, i) =>
      event(i + 1, 0, 'user', { type: 'node/cordoned', name: 'node-1' }),
    );
    const lines = storyLines(many);
    expect(lines[0]).toMatch(/^\[ {5}0s\] rev 1 {5}user/);
    expect(lines[1199]).toMatch(/^\[ {5}0s\] rev 1200 {2}user/);
  });
});

describe('pod status changes', () => {
  it('says "status updated" when nothing worth a word changed', () => {
    expect(describePodStatusChange(runningStatus(0), runningStatus(0))).toBe('status updated');
  });

  it('names a container that is waiting for a new reason', () => {
    const creating: PodStatus = {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'web',
          image: 'nginx',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ContainerCreating' } },
        },
      ],
    };
    expect(describePodStatusChange({ phase: 'Pending' }, creating)).toBe('web waiting: ContainerCreating');
  });

  it('names a container that terminated, with its exit code', () => {
    const done = runningStatus(0, [
      {
        ready: false,
        state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: toTimestamp(9000) } },
      },
    ]);
    expect(describePodStatusChange(runningStatus(0), { ...done, phase: 'Succeeded' })).toBe(
      'phase Running -> Succeeded, ready 0/1, web terminated: Completed (exit code 0)',
    );
  });

  it('gives the pod reason and message when the kubelet sets one', () => {
    const evicted: PodStatus = {
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: memory.',
    };
    expect(describePodStatusChange(runningStatus(0), evicted)).toBe(
      'phase Running -> Failed, reason Evicted: The node was low on resource: memory., ready 0/0',
    );
  });
});
