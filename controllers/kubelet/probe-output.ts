// What a failed probe reports, quoted in its Unhealthy event ("Liveness probe failed: ..."). ksim
// runs no process, so the words are those a real prober gives in the situation the image's
// behaviour describes: a container still starting refuses connections; one whose liveness fails
// answers its HTTP check with a 500 or its gRPC check with NOT_SERVING; an exec probe prints what
// the image's `probeOutput` says (nothing by default).

import type { ImageBehaviour } from './image-behaviour.ts';
import type { ProbeSpec } from './probe-spec.ts';

export function probeFailureOutput(spec: ProbeSpec, behaviour: ImageBehaviour, podIP: string | undefined): string {
  const { handler } = spec;
  const hung = spec.type === 'liveness';
  switch (handler.kind) {
    case 'exec':
      return behaviour.probeOutput ?? '';
    case 'httpGet': {
      if (hung) return 'HTTP probe failed with statuscode: 500';
      const host = handler.host ?? podIP ?? '';
      const url = `${handler.scheme.toLowerCase()}://${host}:${handler.port}${handler.path}`;
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
