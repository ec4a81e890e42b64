// One ReplicaSet write: size, replicas annotations and the ScalingReplicaSet event.

import { describe, expect, it } from 'vitest';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from '../../../controllers/deployment/revisions.ts';
import { scaleReplicaSet, scaleReplicaSetAndRecordEvent } from '../../../controllers/deployment/scale-step.ts';
import { deployment, rs } from './builders.ts';

const d = deployment({ replicas: 4, maxSurge: 1, maxUnavailable: 0 });
const current = { [DESIRED_REPLICAS_ANNOTATION]: '4', [MAX_REPLICAS_ANNOTATION]: '5' };

describe('scaleReplicaSet', () => {
  it('records "Scaled down" with both sizes', () => {
    expect(scaleReplicaSet(rs('web-abc', 3, { annotations: current }), 1, d)?.event).toEqual({
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled down replica set web-abc from 3 to 1',
    });
  });

  it('refreshes stale replicas annotations without an event when the size stays', () => {
    const action = scaleReplicaSet(rs('web-abc', 3, { annotations: { [DESIRED_REPLICAS_ANNOTATION]: '3' } }), 3, d);
    expect([action?.event, action?.replicaSet.metadata.annotations]).toEqual([undefined, current]);
  });

  it('writes nothing when size and annotations are current', () => {
    expect(scaleReplicaSet(rs('web-abc', 3, { annotations: current }), 3, d)).toBeUndefined();
  });
});

describe('scaleReplicaSetAndRecordEvent', () => {
  it('writes nothing at the right size, even with stale annotations', () => {
    expect(scaleReplicaSetAndRecordEvent(rs('web-abc', 3), 3, d)).toBeUndefined();
  });
});
