// Kubelet admission (pkg/kubelet/lifecycle/predicate.go): a pod that does not fit its node is
// failed with the first reason and "Pod was rejected: ..."; the requests counted are those of the
// pods the kubelet already admitted.

import { describe, expect, it } from 'vitest';
import type { Node, Pod, PodStatus } from '../../../core/objects.ts';
import { admissionFailure } from '../../../controllers/kubelet/admission.ts';
import { imageCatalog, kubelet } from '../../../controllers/kubelet/index.ts';
import { commandsOf, container, contextAt, node, pod, reportedStatus, stateWith } from './builders.ts';

const admitted: PodStatus = { phase: 'Running', startTime: '2025-01-01T00:00:00Z' };

function requesting(name: string, cpu: string, memory = '0', status: PodStatus = { phase: 'Pending' }): Pod {
  return pod(name, { nodeName: 'node-1', containers: [container('app', 'nginx:1.27', { requests: { cpu, memory } })], status });
}

function withTaint(subject: Node, effect: 'NoExecute' | 'NoSchedule'): Node {
  return { ...subject, spec: { ...subject.spec, taints: [{ key: 'dedicated', value: 'infra', effect }] } };
}

const failureOf = (nodes: readonly Node[], pods: readonly Pod[], subject: Pod) => admissionFailure(stateWith(nodes, pods), subject, nodes[0] as Node);

describe('kubelet admission', () => {
  it('refuses cpu beyond what is left after the admitted pods: OutOfcpu, in millicores', () => {
    const incoming = requesting('late', '1');
    expect(failureOf([node()], [requesting('early', '3500m', '0', admitted), incoming], incoming)).toEqual({
      reason: 'OutOfcpu',
      message: "Node didn't have enough resource: cpu, requested: 1000, used: 3500, capacity: 4000",
    });
  });

  it('refuses memory in bytes: OutOfmemory', () => {
    const incoming = requesting('late', '100m', '2Gi');
    expect(failureOf([node()], [requesting('early', '100m', '7Gi', admitted), incoming], incoming)).toEqual({
      reason: 'OutOfmemory',
      message: "Node didn't have enough resource: memory, requested: 2147483648, used: 7516192768, capacity: 8589934592",
    });
  });

  it('does not count pods bound to the node that the kubelet has not admitted yet', () => {
    const incoming = requesting('late', '1');
    expect(failureOf([node()], [requesting('unadmitted', '3500m'), incoming], incoming)).toBeUndefined();
  });

  it('does not count finished pods', () => {
    const incoming = requesting('late', '1');
    const finished = requesting('done', '3500m', '0', { phase: 'Succeeded', startTime: '2025-01-01T00:00:00Z' });
    expect(failureOf([node()], [finished, incoming], incoming)).toBeUndefined();
  });

  it('checks the pod count first: OutOfpods', () => {
    const small: Node = { ...node(), status: { ...node().status, allocatable: { cpu: '4', memory: '8Gi', pods: '1' } } };
    const incoming = requesting('late', '5');
    expect(failureOf([small], [requesting('early', '0', '0', admitted), incoming], incoming)?.reason).toBe('OutOfpods');
  });

  it('refuses a nodeSelector the node does not meet: NodeAffinity', () => {
    const incoming: Pod = { ...requesting('ssd', '0'), spec: { ...requesting('ssd', '0').spec, nodeSelector: { disktype: 'ssd' } } };
    expect(failureOf([node()], [incoming], incoming)).toEqual({
      reason: 'NodeAffinity',
      message: "Predicate NodeAffinity failed: node(s) didn't match Node selector",
    });
  });

  it('refuses an untolerated NoExecute taint, but not a NoSchedule one', () => {
    const incoming = requesting('plain', '0');
    expect(failureOf([withTaint(node(), 'NoExecute')], [incoming], incoming)).toEqual({
      reason: 'TaintToleration',
      message: "Predicate TaintToleration failed: node(s) had taints that the pod didn't tolerate",
    });
    expect(failureOf([withTaint(node(), 'NoSchedule')], [incoming], incoming)).toBeUndefined();
  });

  it('fails the refused pod, with the rejection as its status and a Warning Event', () => {
    const incoming = requesting('late', '1');
    const state = stateWith([node()], [requesting('early', '3500m', '0', admitted), incoming]);
    const effects = kubelet(imageCatalog()).reconcile('pod:default/late', contextAt(state, 0));
    expect(reportedStatus(effects)).toMatchObject({
      phase: 'Failed',
      reason: 'OutOfcpu',
      message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 1000, used: 3500, capacity: 4000",
      startTime: '2025-01-01T00:00:00Z',
    });
    const event = commandsOf(effects).find((command) => command.type === 'recordEvent');
    expect(event?.type === 'recordEvent' && [event.event.type, event.event.reason, event.event.message]).toEqual([
      'Warning',
      'OutOfcpu',
      "Node didn't have enough resource: cpu, requested: 1000, used: 3500, capacity: 4000",
    ]);
  });
});
