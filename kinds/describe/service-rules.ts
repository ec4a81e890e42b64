// ksim's addition to `kubectl describe node`: the rules kube-proxy programs on the node, one line
// per Service frontend with the endpoints it sends to (kubectl has no such section; on a real
// node this is `iptables-save` or `ipvsadm -Ln`). It reads the derived view, so it shows the
// Services and EndpointSlices as they are at the moment asked about.

import type { Node } from '../../core/objects.ts';
import { formatFrontend, proxyView } from '../networking/proxy-rules.ts';
import type { ClusterState } from '../../reducers/state.ts';
import type { DescribeWriter } from './describe-writer.ts';

/** Past this many, a rule's endpoints are summarised ("+ 12 more"). */
const ENDPOINTS_SHOWN = 5;

export function describeServiceRules(w: DescribeWriter, node: Node, state: ClusterState): void {
  const { rules } = proxyView(state, node.metadata.name);
  if (rules.length === 0) return;
  w.line(0, 'Service Rules (kube-proxy):');
  w.line(1, 'Frontend\tService\tPolicy\tEndpoints');
  w.line(1, '--------\t-------\t------\t---------');
  for (const rule of rules) {
    const shown = rule.endpoints.slice(0, ENDPOINTS_SHOWN).map((endpoint) => `${endpoint.address}:${endpoint.port}`);
    const more = rule.endpoints.length > ENDPOINTS_SHOWN ? ` + ${rule.endpoints.length - ENDPOINTS_SHOWN} more` : '';
    const service = rule.portName === '' ? rule.service : `${rule.service}:${rule.portName}`;
    w.line(1, `${formatFrontend(rule.frontend)}\t${service}\t${rule.policy}\t${shown.length === 0 ? '<none>' : shown.join(',') + more}`);
  }
}
