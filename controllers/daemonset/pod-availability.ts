// podutil.IsPodAvailable (pkg/api/v1/pod/util.go) at a virtual time: ready, and with
// minReadySeconds ready for strictly longer than that.

import type { Pod } from '../../core/objects.ts';
import { availableAtMs, isPodReady } from '../common/pod-state.ts';

export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const at = availableAtMs(pod, minReadySeconds);
  return at !== undefined && at <= nowMs;
}
