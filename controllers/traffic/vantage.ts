// Where a traffic step's requests leave from: the node whose kube-proxy rules they meet, and the
// namespace whose DNS search path a short name goes through. A named pod that does not exist (or
// has no node yet) sends nothing that can succeed.

import type { ClusterState } from '../../reducers/state.ts';
import type { TrafficSource } from './flow.ts';

export interface Vantage {
  /** The node whose kube-proxy handles the requests; none for a client outside the cluster. */
  readonly nodeName?: string;
  /** The DNS search path's namespace; none from a node or outside, where names must be fully qualified. */
  readonly namespace?: string;
}

function firstNodeName(state: ClusterState): string | undefined {
  return state.nodes.sortedKeys()[0];
}

export function vantageOf(state: ClusterState, source: TrafficSource): Vantage | 'sourceGone' {
  switch (source.kind) {
    case 'external':
      return {};
    case 'node': {
      const name = source.name ?? firstNodeName(state);
      return name === undefined || !state.nodes.has(name) ? 'sourceGone' : { nodeName: name };
    }
    case 'pod': {
      if (source.name === undefined) {
        const nodeName = firstNodeName(state);
        return nodeName === undefined ? { namespace: source.namespace } : { nodeName, namespace: source.namespace };
      }
      const pod = state.pods.get(`${source.namespace}/${source.name}`);
      const nodeName = pod?.spec.nodeName;
      if (pod === undefined || nodeName === undefined || pod.status.phase !== 'Running') return 'sourceGone';
      return { nodeName, namespace: source.namespace };
    }
  }
}
