// The kubelet's clock. Upstream's kubelet notices container changes when PLEG relists the runtime,
// once a second (plegRelistPeriod in pkg/kubelet/kubelet.go), so ours acts on whole seconds too.
// That has a second use: API timestamps keep whole seconds only, so every time the kubelet writes
// into a status reads back exactly, and reconcile can rebuild its timeline from the status alone.

import { fromTimestamp, toTimestamp } from '../../core/clock.ts';

export const TICK_MS = 1000;

/** The first whole second at or after `ms`. */
export function onTick(ms: number): number {
  return Math.ceil(ms / TICK_MS) * TICK_MS;
}

export function isTick(ms: number): boolean {
  return ms % TICK_MS === 0;
}

export function stampOf(ms: number): string {
  return toTimestamp(ms);
}

export function msOf(timestamp: string | undefined): number | undefined {
  if (timestamp === undefined) return undefined;
  const ms = fromTimestamp(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whole seconds as Go's time.Duration prints them: "10s", "1m20s", "5m0s", "1h0m0s". */
export function formatGoSeconds(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  if (minutes > 0) return `${minutes}m${rest}s`;
  return `${rest}s`;
}

const GO_SECONDS = /^(?:(\d+)h)?(?:(\d+)m)?(\d+)s$/;

/** Milliseconds for a duration written by formatGoSeconds; undefined for anything else. */
export function parseGoSeconds(text: string): number | undefined {
  const match = GO_SECONDS.exec(text);
  if (match === null) return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

/** A duration of whole milliseconds as Go's time.Duration prints it: "0s", "850ms", "1.5s", "1m2.25s". */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const rest = ms % 60_000;
  const fraction = rest % 1000;
  const secondsText =
    fraction === 0
      ? String(Math.floor(rest / 1000))
      : `${Math.floor(rest / 1000)}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}s`;
  if (minutes > 0) return `${minutes}m${secondsText}s`;
  return `${secondsText}s`;
}
