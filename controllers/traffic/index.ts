// The scenario's load generator: for each traffic step, one batch of requests per second of
// virtual time from the step's start, each batch routed through the cluster as it is at that
// moment (kube-proxy's view, cluster DNS, the ingress controller) and recorded as one
// `traffic/served` event. It watches nothing: its own timers are its only work. Its draws come
// from its own random stream, so adding traffic never moves another component's draws.

import { EMPTY } from 'rxjs';
import { type Controller, type Effect, type ReconcileContext, submit, wake } from '../../core/controller.ts';
import type { ClusterState } from '../../reducers/state.ts';
import { sendBatch } from './batch.ts';
import type { AppReadyAfter } from './endpoint-answer.ts';
import { INTERVAL_MS, intervalCount, requestsIn, type TrafficFlow } from './flow.ts';

export const TRAFFIC_ACTOR = 'traffic';

/** The interval of `flow` that starts at `nowMs`, if one does. */
function intervalAt(flow: TrafficFlow, nowMs: number): number | undefined {
  const offsetMs = nowMs - flow.atMs;
  if (offsetMs < 0 || offsetMs % INTERVAL_MS !== 0) return undefined;
  const index = offsetMs / INTERVAL_MS;
  return index < intervalCount(flow) ? index : undefined;
}

function reconcileFlow(flow: TrafficFlow, key: string, { state, nowMs, rng }: ReconcileContext<ClusterState>, readyAfterMs: AppReadyAfter): Effect[] {
  const index = intervalAt(flow, nowMs);
  if (index === undefined) return [];
  const intervalMs = Math.min(INTERVAL_MS, flow.durationMs - index * INTERVAL_MS);
  const record = sendBatch(flow, requestsIn(flow, index), intervalMs, { state, nowMs, rng, readyAfterMs });
  const next = index + 1 < intervalCount(flow) ? [wake(nowMs + INTERVAL_MS, key)] : [];
  return [submit({ type: 'recordTraffic', actor: TRAFFIC_ACTOR, traffic: record }), ...next];
}

/** Keys are the flows' places in the list given. */
export function trafficGenerator(flows: readonly TrafficFlow[], readyAfterMs: AppReadyAfter): Controller<ClusterState> {
  return {
    name: TRAFFIC_ACTOR,
    watch: () => EMPTY,
    reconcile: (key, context) => {
      const flow = flows[Number(key)];
      return flow === undefined ? [] : reconcileFlow(flow, key, context, readyAfterMs);
    },
    start: () => flows.map((flow, index) => wake(flow.atMs, String(index))),
  };
}
