// When probe results change, from the worker's tick schedule (pkg/kubelet/prober/worker.go): ticks
// every periodSeconds from the worker's start, nothing before initialDelaySeconds after the
// container started, thresholds counted in a row, the readiness probe also run once when the
// container starts.

import { describe, expect, it } from 'vitest';
import {
  nextLivenessEvent,
  nextReadinessEvent,
  nextStartupEvent,
  nextTickMs,
  type ProbeClock,
  startupPassMs,
} from '../../../controllers/kubelet/probe-schedule.ts';
import { probeOf, type ProbeSpec } from '../../../controllers/kubelet/probe-spec.ts';
import type { Container } from '../../../core/objects.ts';

const S = 1000;

function spec(type: 'startup' | 'readiness' | 'liveness', fields: Record<string, unknown> = {}): ProbeSpec {
  const field = `${type}Probe`;
  const container: Container = { name: 'app', image: 'app', [field]: { exec: { command: ['true'] }, ...fields } };
  const probe = probeOf(container, type);
  if (probe === undefined) throw new Error('no probe');
  return probe;
}

/** Every event from the start, as the kubelet tells them one after the other. */
function allEvents(next: (afterMs: number) => { atMs: number; kind: string } | undefined): string[] {
  const events: string[] = [];
  let after = -1;
  for (let i = 0; i < 100; i++) {
    const event = next(after);
    if (event === undefined) return events;
    events.push(`${event.atMs / S}s ${event.kind}`);
    after = event.atMs;
  }
  throw new Error('no end of events');
}

describe('probe defaults (SetDefaults_Probe)', () => {
  it('period 10s, timeout 1s, success 1, failure 3, no initial delay', () => {
    expect(spec('liveness')).toMatchObject({ periodMs: 10 * S, timeoutMs: S, successThreshold: 1, failureThreshold: 3, initialDelayMs: 0 });
  });

  it('reads the handler of an HTTP probe with its defaults and a named port', () => {
    const container: Container = { name: 'app', image: 'app', ports: [{ name: 'http', containerPort: 8080 }], readinessProbe: { httpGet: { port: 'http' } } };
    expect(probeOf(container, 'readiness')?.handler).toEqual({ kind: 'httpGet', scheme: 'HTTP', port: '8080', path: '/' });
  });
});

describe('the worker tick schedule', () => {
  const clock: ProbeClock = { workerStartMs: 0, runningSinceMs: 2 * S, activeFromMs: 2 * S };

  it('ticks every period from the worker start', () => {
    const probe = spec('liveness', { periodSeconds: 5 });
    expect([0, 1, 5, 6].map((ms) => nextTickMs(probe, clock, ms * S) / S)).toEqual([0, 5, 5, 10]);
  });

  it('the documentation exec liveness probe: failing from 32s, it fails at 35s and 40s and kills at 45s', () => {
    const probe = spec('liveness', { initialDelaySeconds: 5, periodSeconds: 5 });
    expect(allEvents((after) => nextLivenessEvent(probe, clock, 32 * S, after))).toEqual(['35s failed', '40s failed', '45s kill']);
  });

  it('does not probe before the initial delay, even if the liveness already fails', () => {
    const probe = spec('liveness', { initialDelaySeconds: 15, periodSeconds: 10, failureThreshold: 1 });
    expect(allEvents((after) => nextLivenessEvent(probe, clock, 2 * S, after))).toEqual(['20s kill']);
  });

  it('a liveness probe that never fails has nothing to tell', () => {
    expect(nextLivenessEvent(spec('liveness'), clock, undefined, -1)).toBeUndefined();
  });

  it('runs the readiness probe at once when the container starts, then on the ticks', () => {
    const probe = spec('readiness', { periodSeconds: 10 });
    expect(allEvents((after) => nextReadinessEvent(probe, clock, 25 * S, after))).toEqual(['2s failed', '10s failed', '20s failed', '30s ready']);
  });

  it('turns ready at the first probe past the initial delay when the app is up by then', () => {
    const probe = spec('readiness', { initialDelaySeconds: 15, periodSeconds: 10 });
    expect(allEvents((after) => nextReadinessEvent(probe, clock, 3 * S, after))).toEqual(['20s ready']);
  });

  it('needs successThreshold passes in a row before turning ready: at the start, 5s and 10s', () => {
    const probe = spec('readiness', { periodSeconds: 5, successThreshold: 3 });
    expect(allEvents((after) => nextReadinessEvent(probe, clock, 0, after))).toEqual(['10s ready']);
  });

  it('passes a startup probe at the first tick after the app is up (no run at the start: that is readiness only)', () => {
    const probe = spec('startup', { periodSeconds: 5, failureThreshold: 10 });
    expect(allEvents((after) => nextStartupEvent(probe, clock, 14 * S, after))).toEqual(['5s failed', '10s failed', '15s started']);
    expect(startupPassMs(probe, clock, 14 * S)).toBe(15 * S);
  });

  it('kills a container whose startup probe fails failureThreshold times', () => {
    const probe = spec('startup', { periodSeconds: 5, failureThreshold: 3 });
    expect(allEvents((after) => nextStartupEvent(probe, clock, 60 * S, after))).toEqual(['5s failed', '10s failed', '15s kill']);
    expect(startupPassMs(probe, clock, 60 * S)).toBeUndefined();
  });
});
