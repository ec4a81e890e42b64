// The scheduler inside the real engine kernel and reducer, with a minimal stand-in for admission:
// pods that fit nowhere wait, and are retried when a node joins or a bound pod goes away.

import { describe, expect, it } from 'vitest';
import { scheduler } from '../../../controllers/scheduler/index.ts';
import type { Command } from '../../../core/commands.ts';
import { Engine } from '../../../core/engine.ts';
import type { EventBody, KsimEvent } from '../../../core/events.ts';
import type { Node, Pod } from '../../../core/objects.ts';
import { reduce } from '../../../reducers/index.ts';
import { type ClusterState, emptyState } from '../../../reducers/state.ts';
import { makeNode, makePod } from './builders.ts';

/** Just enough admission for these commands; the real one lives in apiserver/. */
function admit(command: Command): EventBody[] {
  switch (command.type) {
    case 'create': {
      const object = command.manifest as Pod | Node;
      return object.kind === 'Node' ? [{ type: 'node/joined', object }] : [{ type: 'pod/created', object }];
    }
    case 'bindPod':
      return [
        { type: 'pod/bound', namespace: command.namespace, name: command.name, nodeName: command.nodeName },
      ];
    case 'reportSchedulingFailure': {
      const { namespace, name, reason, message } = command;
      return [{ type: 'pod/schedulingFailed', namespace, name, reason, message }];
    }
    case 'delete':
      return [{ type: 'pod/deleted', namespace: command.namespace ?? 'default', name: command.name }];
    default:
      return [];
  }
}

function run(): { engine: Engine<ClusterState>; log: KsimEvent[] } {
  const log: KsimEvent[] = [];
  const engine = new Engine<ClusterState>(
    {
      initialState: emptyState(),
      admit,
      reduce,
      controllers: [scheduler()],
      onEvent: (event) => log.push(event),
    },
    7,
  );
  const create = (atMs: number, manifest: Pod | Node) =>
    engine.schedule(atMs, { type: 'create', actor: 'user', manifest });
  create(0, makeNode('n1', { cpu: '4' }));
  for (const name of ['a', 'b', 'c']) create(0, makePod(name, { requests: [{ cpu: '3' }] }));
  create(1000, makeNode('n2', { cpu: '4' }));
  engine.runUntil(1500);
  const onN1 = engine.currentState.indexes.podsByNode.members('n1')[0] ?? '';
  engine.schedule(2000, {
    type: 'delete',
    actor: 'user',
    kind: 'Pod',
    namespace: 'default',
    name: onN1.split('/')[1] ?? '',
  });
  engine.runUntil(Number.POSITIVE_INFINITY);
  return { engine, log };
}

const describeEvent = (event: KsimEvent) =>
  event.type === 'pod/bound'
    ? `${event.time} bound ${event.name}`
    : event.type === 'pod/schedulingFailed'
      ? `${event.time} failed ${event.name}: ${event.message}`
      : undefined;

describe('scheduler in the engine', () => {
  it('binds what fits, reports the rest once, and retries when room appears', () => {
    const lines = run()
      .log.map(describeEvent)
      .filter((line) => line !== undefined);
    expect(lines).toEqual([
      '0 bound a',
      '0 failed b: 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      '0 failed c: 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
      '1000 bound b',
      '1000 failed c: 0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.',
      '2000 bound c',
    ]);
  });

  it('goes idle once every pod is placed', () => {
    const { engine } = run();
    expect(engine.idle).toBe(true);
    expect(engine.currentState.indexes.unscheduledPods.members('')).toEqual([]);
  });

  it('writes the same log for the same seed', () => {
    expect(JSON.stringify(run().log)).toBe(JSON.stringify(run().log));
  });
});
