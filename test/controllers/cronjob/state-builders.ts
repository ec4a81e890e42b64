// States for the CronJob controller's watch and reconcile tests, folded through the real reducers
// so lookups and indexes work as in a run.

import type { EventBody } from '../../../core/events.ts';
import type { KubeObject } from '../../../core/objects.ts';
import { initialState } from '../../../reducers/index.ts';
import type { ClusterState } from '../../../reducers/state.ts';
import { apply } from '../../support/reduce-events.ts';

export function stateWith(...objects: KubeObject[]): ClusterState {
  return apply(initialState(), ...objects.map((object): EventBody => ({ type: 'object/created', object })));
}
