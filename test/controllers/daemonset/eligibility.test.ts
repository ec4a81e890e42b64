// Which nodes a DaemonSet wants, ported from upstream's TestNodeShouldRunDaemonPod and the taint
// tests of pkg/controller/daemon/daemon_controller_test.go (TestTaintedNodeDaemonDoesNotLaunch-
// IntolerantPod, TestTaintedNodeDaemonLaunchesToleratePod, TestNotReadyNodeDaemonLaunchesPod,
// TestUnreachableNodeDaemonLaunchesPod, TestTaintPressureNodeDaemonLaunchesPod,
// TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod, TestNoExecuteTaintedDoesEvicit-
// RunningIntolerantPod).

import { describe, expect, it } from 'vitest';
import type { PodSpec, Taint } from '../../../core/objects.ts';
import { nodeShouldRunDaemonPod, requiredNodeAffinityMatches } from '../../../controllers/daemonset/eligibility.ts';
import { daemonSet, node, SIMPLE_DAEMON_SET_LABEL, SIMPLE_DAEMON_SET_LABEL2 } from './builders.ts';

const testNode = (taints: readonly Taint[] = [], unschedulable = false) => node('test-node', SIMPLE_DAEMON_SET_LABEL, taints, unschedulable);
const affinityOn = (values: string[]): Partial<PodSpec> => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values }] }] } } },
});
const resources = (nodeName?: string): Partial<PodSpec> => ({
  ...(nodeName === undefined ? {} : { nodeName }),
  containers: [{ name: 'app', image: 'foo/bar', resources: { requests: { memory: '200M', cpu: '0.5' } } }],
});

describe('DaemonSet eligibility: NodeShouldRunDaemonPod (TestNodeShouldRunDaemonPod)', () => {
  it.each([
    ['ShouldRunDaemonPod', resources(), false, [true, true]],
    ['InsufficientResourceError: resources are the scheduler’s concern', resources(), false, [true, true]],
    ['ErrPodNotMatchHostName', resources('other-node'), false, [false, false]],
    ['ErrPodNotFitsHostPorts: ports are the scheduler’s concern', { containers: [{ name: 'app', image: 'x', ports: [{ hostPort: 666 }] }] }, false, [true, true]],
    ['ErrNodeSelectorNotMatch', { nodeSelector: SIMPLE_DAEMON_SET_LABEL2 }, false, [false, false]],
    ['ShouldRunDaemonPod with matching nodeSelector', { nodeSelector: SIMPLE_DAEMON_SET_LABEL }, false, [true, true]],
    ['ErrPodAffinityNotMatch', affinityOn(['test']), false, [false, false]],
    ['ShouldRunDaemonPod with matching affinity', affinityOn(['production']), false, [true, true]],
    ['ShouldRunDaemonPodOnUnschedulableNode', resources(), true, [true, true]],
  ] as const)('%s', (_name, templateSpec, unschedulable, [shouldRun, shouldContinueRunning]) => {
    const ds = daemonSet({ templateSpec: templateSpec as Partial<PodSpec> });
    expect(nodeShouldRunDaemonPod(testNode([], unschedulable), ds)).toEqual({ shouldRun, shouldContinueRunning });
  });

  it('accepts the node named by the template nodeName', () => {
    expect(nodeShouldRunDaemonPod(testNode(), daemonSet({ templateSpec: { nodeName: 'test-node' } })).shouldRun).toBe(true);
  });
});

describe('DaemonSet eligibility: taints', () => {
  const noSchedule: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };
  const noExecute: Taint = { key: 'dedicated', value: 'db', effect: 'NoExecute' };

  it('does not launch an intolerant pod on a NoSchedule node, but lets a running one stay', () => {
    expect(nodeShouldRunDaemonPod(testNode([noSchedule]), daemonSet())).toEqual({ shouldRun: false, shouldContinueRunning: true });
  });

  it('evicts an intolerant pod from a NoExecute node', () => {
    expect(nodeShouldRunDaemonPod(testNode([noExecute]), daemonSet())).toEqual({ shouldRun: false, shouldContinueRunning: false });
  });

  it('launches a pod that tolerates the taint', () => {
    const ds = daemonSet({ templateSpec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] } });
    expect(nodeShouldRunDaemonPod(testNode([noSchedule]), ds).shouldRun).toBe(true);
  });

  it('ignores PreferNoSchedule taints', () => {
    expect(nodeShouldRunDaemonPod(testNode([{ key: 'x', effect: 'PreferNoSchedule' }]), daemonSet()).shouldRun).toBe(true);
  });

  it.each([
    ['node.kubernetes.io/not-ready', 'NoExecute'],
    ['node.kubernetes.io/unreachable', 'NoExecute'],
    ['node.kubernetes.io/disk-pressure', 'NoSchedule'],
    ['node.kubernetes.io/memory-pressure', 'NoSchedule'],
    ['node.kubernetes.io/pid-pressure', 'NoSchedule'],
    ['node.kubernetes.io/unschedulable', 'NoSchedule'],
  ] as const)('launches on a node tainted %s:%s thanks to the daemon tolerations', (key, effect) => {
    expect(nodeShouldRunDaemonPod(testNode([{ key, effect }]), daemonSet()).shouldRun).toBe(true);
  });

  it('does not tolerate network-unavailable without hostNetwork', () => {
    const taint: Taint = { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' };
    expect(nodeShouldRunDaemonPod(testNode([taint]), daemonSet()).shouldRun).toBe(false);
  });

  it('tolerates network-unavailable with hostNetwork', () => {
    const taint: Taint = { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' };
    expect(nodeShouldRunDaemonPod(testNode([taint]), daemonSet({ templateSpec: { hostNetwork: true } })).shouldRun).toBe(true);
  });
});

describe('DaemonSet eligibility: required node affinity', () => {
  it('matches no node with only empty terms', () => {
    const spec: PodSpec = { containers: [], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{}] } } } };
    expect(requiredNodeAffinityMatches(spec, testNode())).toBe(false);
  });

  it('matches a metadata.name field term', () => {
    const spec: PodSpec = {
      containers: [],
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['test-node'] }] }] } } },
    };
    expect(requiredNodeAffinityMatches(spec, testNode())).toBe(true);
  });
});
