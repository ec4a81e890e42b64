import { beforeAll, describe, expect, it } from 'vitest';
import { type DescribeOptions, describeCommand } from '../../cli/describe-command.ts';
import { captureIo, writeLog } from './helpers.ts';
import { clusterEvents } from './fixture.ts';

let log = '';

beforeAll(() => {
  log = writeLog(clusterEvents());
});

function describeObject(options: Omit<DescribeOptions, 'log'>): string {
  const io = captureIo();
  expect(describeCommand({ log, ...options }, io)).toBe(0);
  return io.stdout();
}

function lines(...rows: string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}

describe('ksim describe', () => {
  it('describes a pod as kubectl does, with its history from the log as events', () => {
    expect(describeObject({ kind: 'pod', name: 'web-crash' })).toBe(
      lines(
        'Name:         web-crash',
        'Namespace:    default',
        'Node:         node-1/10.0.0.1',
        'Start Time:   Wed, 01 Jan 2025 00:00:00 +0000',
        'Labels:       app=web',
        'Annotations:  <none>',
        'Status:       Running',
        'IP:           10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web',
        'Containers:',
        '  web:',
        '    Container ID:   ',
        '    Image:          nginx:1.27',
        '    Image ID:       ',
        '    Port:           <none>',
        '    Host Port:      <none>',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Wed, 01 Jan 2025 00:09:10 +0000',
        '      Finished:     Wed, 01 Jan 2025 00:09:15 +0000',
        '    Ready:          False',
        '    Restart Count:  3',
        '    Requests:',
        '      cpu:        500m',
        '      memory:     1Gi',
        '    Environment:  <none>',
        '    Mounts:       <none>',
        'Conditions:',
        '  Type              Status',
        '  PodScheduled      True ',
        '  Initialized       True ',
        '  ContainersReady   True ',
        '  Ready             True ',
        'Volumes:            <none>',
        'QoS Class:          Burstable',
        'Node-Selectors:     <none>',
        'Tolerations:        <none>',
        'Events:             <none>',
        'History:',
        '  [     0s] rev 10  controller/replicaset pod/created              default/web-crash owned by ReplicaSet/web',
      ),
    );
  });

  it('describes a node with its non-terminated pods and their share of allocatable', () => {
    expect(describeObject({ kind: 'node', name: 'node-1' })).toBe(
      lines(
        'Name:               node-1',
        'Roles:              control-plane',
        'Labels:             kubernetes.io/hostname=node-1',
        '                    kubernetes.io/os=linux',
        '                    node-role.kubernetes.io/control-plane=',
        'Annotations:        <none>',
        'CreationTimestamp:  Wed, 01 Jan 2025 00:00:00 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Conditions:',
        '  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message',
        '  ----    ------  -----------------                 ------------------                ------         -------',
        '  Ready   True    Wed, 01 Jan 2025 00:10:00 +0000   Wed, 01 Jan 2025 00:10:00 +0000   KubeletReady   kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  10.0.0.1',
        '  Hostname:    node-1',
        'Capacity:',
        '  cpu:     4',
        '  memory:  8Gi',
        '  pods:    110',
        'Allocatable:',
        '  cpu:     4',
        '  memory:  8Gi',
        '  pods:    110',
        'System Info:',
        '  Machine ID:                 ',
        '  System UUID:                ',
        '  Boot ID:                    ',
        '  Kernel Version:             6.8.0-45-generic',
        '  OS Image:                   Ubuntu 24.04 LTS',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://2.0.0',
        '  Kubelet Version:            v1.33.0',
        '  Kube-Proxy Version:         ',
        'Non-terminated Pods:          (3 in total)',
        '  Namespace                   Name           CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----           ------------  ----------  ---------------  -------------  ---',
        '  default                     web-crash      500m (12%)    0 (0%)      1Gi (12%)        0 (0%)         10m',
        '  default                     web-running    250m (6%)     0 (0%)      64Mi (0%)        0 (0%)         10m',
        '  kube-system                 coredns        0 (0%)        0 (0%)      0 (0%)           0 (0%)         10m',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests      Limits',
        '  --------           --------      ------',
        '  cpu                750m (18%)    0 (0%)',
        '  memory             1088Mi (13%)  0 (0%)',
        '  ephemeral-storage  0 (0%)        0 (0%)',
        'Events:              <none>',
        'History:',
        '  [     0s] rev 3   kubelet/node-1        node/joined              node-1 cpu 4, memory 8Gi, pods 110',
      ),
    );
  });

  it('describes a ReplicaSet with the phases of its pods and its template', () => {
    expect(describeObject({ kind: 'rs', name: 'web' })).toBe(
      lines(
        'Name:         web',
        'Namespace:    default',
        'Selector:     app=web',
        'Labels:       app=web',
        'Annotations:  <none>',
        'Replicas:     3 current / 3 desired',
        'Pods Status:  2 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   web:',
        '    Image:      nginx:1.27',
        '    Port:       <none>',
        '    Host Port:  <none>',
        '    Requests:',
        '      cpu:         100m',
        '      memory:      128Mi',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
        'History:',
        '  [     0s] rev 7   user                  object/created           ReplicaSet default/web replicas 3',
        '  [     0s] rev 16  controller/replicaset object/statusUpdated     ReplicaSet default/web 3 current, 1 ready, 1 available',
      ),
    );
  });

  it('describes a namespace', () => {
    expect(describeObject({ kind: 'namespace', name: 'kube-system' })).toBe(
      lines(
        'Name:         kube-system',
        'Labels:       kubernetes.io/metadata.name=kube-system',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
        'Events:  <none>',
        'History:',
        '  [     0s] rev 2   scenario              object/created           Namespace kube-system',
      ),
    );
  });

  it('describes a ConfigMap with its values, as the ConfigMap describer of kubectl', () => {
    expect(describeObject({ kind: 'cm', name: 'settings' })).toMatch(/^Name:\s+settings\nNamespace:\s+default\n[\s\S]*\nData\n====\nmode:\n----\nfast\n\n\nBinaryData\n====\n\n/);
  });

  it('tells every event that touched the object, up to the revision asked for', () => {
    const events = describeObject({ kind: 'pod', name: 'web-creating' }).split('History:\n')[1];
    expect(events).toBe(
      lines(
        '  [  9m30s] rev 17  controller/replicaset pod/created              default/web-creating owned by ReplicaSet/web',
        '  [  9m30s] rev 18  kube-scheduler        pod/bound                default/web-creating -> node-2',
        '  [  9m31s] rev 19  kubelet/node-2        pod/statusUpdated        default/web-creating web waiting: ContainerCreating',
      ),
    );
    expect(describeObject({ kind: 'pod', name: 'web-creating', at: '18' })).toMatch(
      /\nNode: +node-2\/\n[\s\S]*History:\n.*pod\/created.*\n.*pod\/bound.*\n$/,
    );
  });

  it('shows a pod being deleted as Terminating with its grace period', () => {
    const output = describeObject({ kind: 'pod', name: 'web-leaving' });
    expect(output).toContain(
      'Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n',
    );
  });

  it('reports a missing object with exit code 1', () => {
    expect(() => describeCommand({ log, kind: 'pod', name: 'nope' }, captureIo())).toThrow(
      expect.objectContaining({ message: 'pods "nope" not found', exitCode: 1 }),
    );
  });

  it('looks in the namespace given', () => {
    expect(describeObject({ kind: 'pod', name: 'coredns', namespace: 'kube-system' })).toMatch(
      /^Name:\s+coredns\nNamespace:\s+kube-system\n/,
    );
  });
});
