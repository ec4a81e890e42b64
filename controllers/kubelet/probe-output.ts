// What a failed probe reports, quoted in its Unhealthy event ("Liveness probe failed: ..."). ksim
// runs no process, so the words are those a real prober gives in the situation the image's
// behaviour describes: a container still starting refuses connections; one whose liveness fails
// answers its HTTP check with a 500 or its gRPC check with NOT_SERVING; an exec probe prints what
// the image's `probeOutput` says (nothing by default). A probe that times out says so as each
// prober does (exec's runtime, Go's HTTP client, the gRPC health call).

import type { ImageBehaviour } from './image-behaviour.ts';
import type { ProbeSpec } from './probe-spec.ts';
import { timesOut } from './probe-timeout.ts';

function httpUrl(handler: Extract<ProbeSpec['handler'], { kind: 'httpGet' }>, podIP: string | undefined): { host: string; url: string } {
  const host = handler.host ?? podIP ?? '';
  return { host, url: `${handler.scheme.toLowerCase()}://${host}:${handler.port}${handler.path}` };
}

function timeoutOutput(spec: ProbeSpec, podIP: string | undefined): string {
  const { handler } = spec;
  switch (handler.kind) {
    case 'exec':
      return `command ${JSON.stringify(handler.command.join(' '))} timed out`;
    case 'httpGet':
      return `Get "${httpUrl(handler, podIP).url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
    case 'grpc':
      return `timeout: health rpc did not complete within ${spec.timeoutMs / 1000}s`;
    case 'tcpSocket':
      return '';
  }
}

export function probeFailureOutput(spec: ProbeSpec, behaviour: ImageBehaviour, podIP: string | undefined): string {
  if (timesOut(spec, behaviour)) return timeoutOutput(spec, podIP);
  const { handler } = spec;
  const hung = spec.type === 'liveness';
  switch (handler.kind) {
    case 'exec':
      return behaviour.probeOutput ?? '';
    case 'httpGet': {
      if (hung) return 'HTTP probe failed with statuscode: 500';
      const { host, url } = httpUrl(handler, podIP);
      return `Get "${url}": dial tcp ${host}:${handler.port}: connect: connection refused`;
    }
    case 'tcpSocket': {
      const host = handler.host ?? podIP ?? '';
      return `dial tcp ${host}:${handler.port}: connect: connection refused`;
    }
    case 'grpc':
      if (hung) return 'service unhealthy (responded with "NOT_SERVING")';
      return `timeout: failed to connect service "${podIP ?? ''}:${handler.port}" within ${spec.timeoutMs / 1000}s`;
  }
}
