// NodePorts with the cases of upstream's node_ports_test.go (TestNodePorts): a host port clashes
// with the same protocol and port on the same IP, and 0.0.0.0 clashes with every IP.

import { describe, expect, it } from 'vitest';
import type { NodeView } from '../../../controllers/scheduler/node-views.ts';
import { ERR_REASON_NODE_PORTS, hostPortsOf, nodePortsFilter } from '../../../controllers/scheduler/plugins/node-ports.ts';
import type { Container, ContainerPort, Pod } from '../../../core/objects.ts';
import { makeNode, makePod, snapshotOf, stateOf } from './builders.ts';

/** "PROTOCOL/IP/PORT" as upstream's newPod spells a host port. */
function port(spec: string): ContainerPort {
  const [protocol, hostIP, hostPort] = spec.split('/') as [ContainerPort['protocol'], string, string];
  return { containerPort: Number(hostPort), hostPort: Number(hostPort), hostIP, protocol };
}

let counter = 0;
function withPorts(nodeName: string | undefined, ...ports: string[]): Pod {
  const containers: Container[] = [{ name: 'c', image: 'nginx', ports: ports.map(port) }];
  return makePod(`m${++counter}`, { ...(nodeName === undefined ? {} : { nodeName }), spec: { containers } });
}

function check(pod: Pod, existing: Pod[]): string | undefined {
  const state = stateOf([makeNode('node')], existing);
  return nodePortsFilter(hostPortsOf(pod), snapshotOf(state).byName.get('node') as NodeView, state);
}

describe('NodePorts filter (TestNodePorts)', () => {
  const cases: [string, string[], string[], boolean][] = [
    ['other port', ['UDP/127.0.0.1/8080'], ['UDP/127.0.0.1/9090'], true],
    ['same udp port', ['UDP/127.0.0.1/8080'], ['UDP/127.0.0.1/8080'], false],
    ['same tcp port', ['TCP/127.0.0.1/8080'], ['TCP/127.0.0.1/8080'], false],
    ['different host ip', ['TCP/127.0.0.1/8080'], ['TCP/127.0.0.2/8080'], true],
    ['different protocol', ['UDP/127.0.0.1/8080'], ['TCP/127.0.0.1/8080'], true],
    ['second udp port conflict', ['UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'], ['UDP/127.0.0.1/8080'], false],
    ['first tcp port conflict', ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'], ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'], false],
    ['first tcp port conflict due to 0.0.0.0 hostIP', ['TCP/0.0.0.0/8001'], ['TCP/127.0.0.1/8001'], false],
    ['TCP hostPort conflict due to 0.0.0.0 hostIP', ['TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'], ['TCP/127.0.0.1/8001'], false],
    ['second tcp port conflict to 0.0.0.0 hostIP', ['TCP/127.0.0.1/8001'], ['TCP/0.0.0.0/8001'], false],
    ['second different protocol', ['UDP/127.0.0.1/8001'], ['TCP/0.0.0.0/8001'], true],
    ['UDP hostPort conflict due to 0.0.0.0 hostIP', ['UDP/127.0.0.1/8001'], ['TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'], false],
  ];
  for (const [name, wanted, used, fits] of cases) {
    it(name, () => {
      expect(check(withPorts(undefined, ...wanted), [withPorts('node', ...used)])).toBe(fits ? undefined : ERR_REASON_NODE_PORTS);
    });
  }

  it('lets anything onto a node with nothing running', () => {
    expect(check(withPorts(undefined, 'TCP/0.0.0.0/80'), [])).toBeUndefined();
  });

  it('skips a pod that asks for no host port, and ignores ports without one', () => {
    expect(hostPortsOf(makePod('plain', { spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } }))).toEqual([]);
  });

  it('reads an empty protocol as TCP and an empty IP as 0.0.0.0', () => {
    const bare = makePod('bare', { nodeName: 'node', spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 80 }] }] } });
    expect(hostPortsOf(bare)).toEqual([{ ip: '0.0.0.0', protocol: 'TCP', port: 80 }]);
    expect(check(withPorts(undefined, 'TCP/10.0.0.1/80'), [bare])).toBe(ERR_REASON_NODE_PORTS);
  });

  it("counts a sidecar's host ports but not a plain init container's", () => {
    const sidecar = makePod('sidecar', {
      nodeName: 'node',
      spec: { initContainers: [{ name: 's', image: 'proxy', restartPolicy: 'Always', ports: [port('TCP/0.0.0.0/9000')] }, { name: 'i', image: 'init', ports: [port('TCP/0.0.0.0/9001')] }] },
    });
    expect(hostPortsOf(sidecar).map((used) => used.port)).toEqual([9000]);
    expect(check(withPorts(undefined, 'TCP/0.0.0.0/9000'), [sidecar])).toBe(ERR_REASON_NODE_PORTS);
    expect(check(withPorts(undefined, 'TCP/0.0.0.0/9001'), [sidecar])).toBeUndefined();
  });

  it('frees the ports of a pod that finished', () => {
    const done = { ...withPorts('node', 'TCP/0.0.0.0/80'), status: { phase: 'Succeeded' as const } };
    expect(check(withPorts(undefined, 'TCP/0.0.0.0/80'), [done])).toBeUndefined();
  });
});
