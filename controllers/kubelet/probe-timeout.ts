// A probe's timeoutSeconds against how long the image's app takes to answer (`probeTakes`): the
// prober's deadline (the runtime's for exec, the HTTP client's, the gRPC call's) ends every run
// first, so the probe fails at each one. A TCP probe only opens a connection, which the kernel
// accepts however slowly the app answers, so it never times out for that.

import type { ImageBehaviour } from './image-behaviour.ts';
import type { ProbeSpec } from './probe-spec.ts';

export function timesOut(spec: ProbeSpec, behaviour: ImageBehaviour): boolean {
  return spec.handler.kind !== 'tcpSocket' && (behaviour.probeTakesMs ?? 0) > spec.timeoutMs;
}
