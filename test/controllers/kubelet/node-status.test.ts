// The node's status: the first report when the node joins, and heartbeats that write only when
// something changed or five minutes passed since the last write.

import { describe, expect, it } from 'vitest';
import type { Command } from '../../../core/commands.ts';
import type { Condition, NodeStatus } from '../../../core/objects.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import {
  heartbeatPhaseMs,
  nextHeartbeatMs,
  NODE_STATUS_UPDATE_MS,
} from '../../../controllers/kubelet/node-status.ts';
import { toTimestamp } from '../../../core/clock.ts';
import { commandsOf, contextAt, MINUTE, node, SECOND, stateWith, wakesOf } from './builders.ts';

const controller = kubelet(imageCatalog());
const KEY = 'node:node-1';

function reported(commands: readonly Command[]): NodeStatus {
  const command = commands.find((candidate) => candidate.type === 'reportNodeStatus');
  if (command?.type !== 'reportNodeStatus') throw new Error('no node status was reported');
  return command.status;
}

/** The conditions a healthy kubelet reported at `atMs`, as the node would hold them afterwards. */
function healthySince(atMs: number): Condition[] {
  return reported(
    commandsOf(controller.reconcile(KEY, contextAt(stateWith([node()]), atMs))),
  ).conditions.slice();
}

describe('kubelet: node status', () => {
  it('reports a joined node ready, with the pressure conditions upstream posts', () => {
    const status = reported(commandsOf(controller.reconcile(KEY, contextAt(stateWith([node()]), 0))));
    const time = toTimestamp(0);
    const condition = (type: string, status: 'True' | 'False', reason: string, message: string) => ({
      type,
      status,
      lastHeartbeatTime: time,
      lastTransitionTime: time,
      reason,
      message,
    });
    expect(status.conditions).toEqual([
      condition(
        'MemoryPressure',
        'False',
        'KubeletHasSufficientMemory',
        'kubelet has sufficient memory available',
      ),
      condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
      condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
      condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
    ]);
  });

  it('keeps capacity, allocatable and addresses as registered', () => {
    const status = reported(commandsOf(controller.reconcile(KEY, contextAt(stateWith([node()]), 0))));
    const registered = node().status;
    expect([status.capacity, status.allocatable, status.addresses]).toEqual([
      registered.capacity,
      registered.allocatable,
      registered.addresses,
    ]);
  });

  it('signs the report as the kubelet of the node', () => {
    expect(
      commandsOf(controller.reconcile(KEY, contextAt(stateWith([node()]), 0))).map(
        (command) => command.actor,
      ),
    ).toEqual(['kubelet/node-1']);
  });

  it('keeps conditions it does not own', () => {
    const network: Condition = {
      type: 'NetworkUnavailable',
      status: 'False',
      reason: 'RouteCreated',
      message: 'RouteController created a route',
    };
    const status = reported(
      commandsOf(
        controller.reconcile(KEY, contextAt(stateWith([node('node-1', { conditions: [network] })]), 0)),
      ),
    );
    expect(status.conditions[0]).toEqual(network);
  });

  it('checks again at its next heartbeat, in the background', () => {
    const wakes = wakesOf(controller.reconcile(KEY, contextAt(stateWith([node()]), 0)));
    expect(wakes).toEqual([{ kind: 'wake', atMs: nextHeartbeatMs('node-1', 0), key: KEY, background: true }]);
  });

  it('writes nothing at a heartbeat when nothing changed and the last write is recent', () => {
    const state = stateWith([node('node-1', { conditions: healthySince(0) })]);
    expect(commandsOf(controller.reconcile(KEY, contextAt(state, 4 * MINUTE)))).toEqual([]);
  });

  it('still schedules the next heartbeat when it writes nothing', () => {
    const state = stateWith([node('node-1', { conditions: healthySince(0) })]);
    expect(wakesOf(controller.reconcile(KEY, contextAt(state, 4 * MINUTE)))).toHaveLength(1);
  });

  it('writes again five minutes after the last write, moving only the heartbeat time', () => {
    const state = stateWith([node('node-1', { conditions: healthySince(0) })]);
    const ready = reported(
      commandsOf(controller.reconcile(KEY, contextAt(state, 5 * MINUTE))),
    ).conditions.find((c) => c.type === 'Ready');
    expect([ready?.lastHeartbeatTime, ready?.lastTransitionTime]).toEqual([
      toTimestamp(5 * MINUTE),
      toTimestamp(0),
    ]);
  });

  it('writes at once when a condition differs from what it observes, with a new transition time', () => {
    const conditions = healthySince(0).map((condition) =>
      condition.type === 'Ready'
        ? {
            ...condition,
            status: 'False' as const,
            reason: 'KubeletNotReady',
            message: 'PLEG is not healthy',
          }
        : condition,
    );
    const state = stateWith([node('node-1', { conditions })]);
    const ready = reported(
      commandsOf(controller.reconcile(KEY, contextAt(state, 30 * SECOND))),
    ).conditions.find((c) => c.type === 'Ready');
    expect([ready?.status, ready?.lastTransitionTime]).toEqual(['True', toTimestamp(30 * SECOND)]);
  });

  it('does nothing for a node that is gone', () => {
    expect(controller.reconcile('node:node-9', contextAt(stateWith([node()]), 0))).toEqual([]);
  });
});

describe('heartbeat phases', () => {
  it('puts each heartbeat strictly after now, on the node own phase, within one period', () => {
    const phaseMs = heartbeatPhaseMs('node-7');
    for (const nowMs of [0, phaseMs, phaseMs + 1, 123_456]) {
      const next = nextHeartbeatMs('node-7', nowMs);
      expect([
        next > nowMs,
        next - nowMs <= NODE_STATUS_UPDATE_MS,
        (next - phaseMs) % NODE_STATUS_UPDATE_MS,
      ]).toEqual([true, true, 0]);
    }
  });

  it('spreads a thousand nodes over the period', () => {
    const phases = new Set(Array.from({ length: 1000 }, (_, i) => heartbeatPhaseMs(`node-${i}`)));
    expect(phases.size).toBeGreaterThan(900);
  });

  it('schedules the heartbeats of nodes already in the starting state', () => {
    const effects = controller.start?.(contextAt(stateWith([node('node-1'), node('node-2')]), 0)) ?? [];
    expect(effects.map((effect) => (effect.kind === 'wake' ? [effect.key, effect.background] : []))).toEqual([
      ['node:node-1', true],
      ['node:node-2', true],
    ]);
  });
});
