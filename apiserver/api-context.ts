// What every admission path may draw on: the engine's context (virtual time, the seeded random
// stream) and the cluster's settings that kube-apiserver takes as flags (the Service network).

import type { AdmitContext } from '../core/engine.ts';
import type { ServiceNetwork } from '../kinds/network/service-network.ts';

export interface ApiContext extends AdmitContext {
  readonly network: ServiceNetwork;
}
