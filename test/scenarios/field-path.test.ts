import { describe, expect, it } from 'vitest';
import { parseFieldPath } from '../../scenarios/field-path.ts';
import { valueAtPath } from '../../scenarios/expectations.ts';

const deployment = {
  metadata: { annotations: { 'deployment.kubernetes.io/revision': '2' }, labels: { app: 'web' } },
  spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } },
  status: { conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] },
};

describe('field paths in expectations', () => {
  it('reads dotted names and list indexes', () => {
    expect(valueAtPath(deployment, 'metadata.labels.app')).toBe('web');
    expect(valueAtPath(deployment, 'spec.template.spec.containers[0].image')).toBe('nginx:1.28');
  });

  it('reads a key with dots in quotes', () => {
    expect(valueAtPath(deployment, "metadata.annotations['deployment.kubernetes.io/revision']")).toBe('2');
    expect(valueAtPath(deployment, 'metadata.annotations["deployment.kubernetes.io/revision"]')).toBe('2');
  });

  it('picks the first list element whose field has the value', () => {
    expect(valueAtPath(deployment, 'status.conditions[type=Progressing].reason')).toBe('NewReplicaSetAvailable');
    expect(valueAtPath(deployment, 'status.conditions[type=ReplicaFailure].reason')).toBeUndefined();
  });

  it('is undefined where the object has no such field', () => {
    expect(valueAtPath(deployment, 'status.readyReplicas')).toBeUndefined();
    expect(valueAtPath(deployment, 'spec.template[0]')).toBeUndefined();
  });

  it('says where a path stops making sense', () => {
    expect(parseFieldPath('status..x')).toBe('unexpected "." at "status."');
    expect(parseFieldPath('status.x]')).toBe('unexpected "]" at "status.x"');
  });
});
