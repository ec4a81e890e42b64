// DefaultPreemption through the scheduler: the nomination, the victims' DisruptionTarget condition,
// deletion and Preempted event, the room kept for the nominated pod, preemptionPolicy Never, and
// the wait while a victim is still terminating.

import { describe, expect, it } from 'vitest';
import type { Command } from '../../../../core/commands.ts';
import type { Pod } from '../../../../core/objects.ts';
import { makeNode, makePod, stateOf } from '../builders.ts';
import { SchedulerHarness } from '../harness.ts';

const nodes = [makeNode('n1', { cpu: '2' }), makeNode('n2', { cpu: '2' })];
const low = (name: string, nodeName: string, cpu = '1') => makePod(name, { priority: 0, nodeName, requests: [{ cpu }], phase: 'Running' });
const high = (name: string, options: { cpu?: string; preemptionPolicy?: 'Never' } = {}): Pod =>
  makePod(name, { priority: 1000, requests: [{ cpu: options.cpu ?? '2' }], spec: options.preemptionPolicy === undefined ? {} : { preemptionPolicy: options.preemptionPolicy } });

const summary = (command: Command): string => {
  switch (command.type) {
    case 'bindPod':
      return `bind ${command.name} ${command.nodeName}`;
    case 'reportSchedulingFailure':
      return `failed ${command.name} nominated=${command.nominatedNodeName ?? '-'}: ${command.message}`;
    case 'updatePodStatus':
      return `status ${command.name}${command.status.conditions?.some((c) => c.type === 'DisruptionTarget') ? ' DisruptionTarget' : ''}`;
    case 'delete':
      return `delete ${command.name} (${command.record?.reason}: ${command.record?.message})`;
    default:
      return command.type;
  }
};

describe('DefaultPreemption', () => {
  it('evicts the cheapest pods, nominates the node and binds there once they are gone', () => {
    // n1 holds two low pods of 1 cpu, n2 one of 1.5 cpu: n2 costs one victim, n1 two.
    const harness = new SchedulerHarness(stateOf(nodes, [low('a', 'n1'), low('b', 'n1'), low('c', 'n2', '1500m'), high('web')]));
    const commands = harness.run().map(summary);
    expect(commands[0]).toMatch(/^status [abc] DisruptionTarget$/);
    const victim = commands[0]?.split(' ')[1] ?? '';
    expect(commands).toEqual([
      `status ${victim} DisruptionTarget`,
      `delete ${victim} (Preempted: Preempted by pod uid-web on node n2)`,
      'failed web nominated=n2: 0/2 nodes are available: 2 Insufficient cpu.',
      'bind web n2',
    ]);
    expect(victim).toBe('c');
    expect(harness.state.pods.get('default/web')?.status.nominatedNodeName).toBe('n2');
  });

  it('writes the DisruptionTarget condition upstream writes', () => {
    const harness = new SchedulerHarness(stateOf(nodes, [low('a', 'n1', '2'), low('b', 'n2', '2'), high('web')]), { gracefulDeletes: true });
    harness.run();
    const victims = ['a', 'b'].map((name) => harness.state.pods.get(`default/${name}`)).filter((pod) => pod?.metadata.deletionTimestamp !== undefined);
    expect(victims).toHaveLength(1);
    expect(victims[0]?.status.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
  });

  it('keeps the room it made for the nominated pod from a lower-priority pod', () => {
    const harness = new SchedulerHarness(stateOf(nodes, [low('a', 'n1', '2'), low('b', 'n2', '2'), high('web')]), { gracefulDeletes: true });
    harness.run();
    const nominated = harness.state.pods.get('default/web')?.status.nominatedNodeName ?? '';
    const victim = harness.state.indexes.podsByNode.members(nominated)[0]?.split('/')[1] ?? '';
    harness.emit({ type: 'pod/deleted', namespace: 'default', name: victim });
    // A pod of lower priority arrives before the nominated one's next cycle; it goes to activeQ,
    // which pops before backoffQ, and must not take the room.
    harness.emit({ type: 'pod/created', object: makePod('late', { priority: 0, requests: [{ cpu: '1' }] }) });
    const next = harness.run().map(summary);
    expect(next[0]).toBe(
      'failed late nominated=-: 0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
    );
    expect(next).toContain(`bind web ${nominated}`);
  });

  it('does not preempt for a pod with preemptionPolicy Never', () => {
    const harness = new SchedulerHarness(stateOf(nodes, [low('a', 'n1', '2'), low('b', 'n2', '2'), high('polite', { preemptionPolicy: 'Never' })]));
    expect(harness.run().map(summary)).toEqual([
      'failed polite nominated=-: 0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    ]);
  });

  it('does not preempt again while a victim on the nominated node is still terminating', () => {
    const harness = new SchedulerHarness(stateOf(nodes, [low('a', 'n1', '2'), low('b', 'n2', '2'), high('web')]), { gracefulDeletes: true });
    harness.run();
    // Another bound pod going elsewhere moves the pod back; the victim is still terminating.
    harness.emit({ type: 'pod/created', object: makePod('other', { nodeName: 'n1', phase: 'Running' }) });
    harness.emit({ type: 'pod/deleted', namespace: 'default', name: 'other' });
    expect(harness.run().map(summary)).toEqual([
      'failed web nominated=-: 0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to a terminating pod on the nominated node.',
    ]);
  });
});
