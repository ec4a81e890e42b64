import { describe, expect, it } from 'vitest';
import { DescribeWriter } from '../../../kinds/describe/describe-writer.ts';
import { describeServiceRules } from '../../../kinds/describe/service-rules.ts';
import { stateWith } from '../../support/reduce-events.ts';
import { service, slice } from '../../support/networking.ts';
import { nodeObject } from '../../replay/builders.ts';

describe('describe node: Service Rules', () => {
  it("lists each frontend kube-proxy programs on the node with the endpoints it sends to, or none", () => {
    const state = stateWith(
      service('web', { type: 'NodePort', clusterIP: '10.96.0.20', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, nodePort: 30080 }] }),
      slice('web-a', 'web', [{ ip: '10.128.1.2', node: 'n1' }, { ip: '10.128.2.2', node: 'n2' }], { http: 8080 }),
    );
    const w = new DescribeWriter();
    describeServiceRules(w, nodeObject('n3'), state);
    expect(w.toString().split('\n').map((line) => line.trimEnd())).toEqual([
      'Service Rules (kube-proxy):',
      '  Frontend           Service           Policy   Endpoints',
      '  --------           -------           ------   ---------',
      '  10.96.0.20:80/TCP  default/web:http  Cluster  10.128.1.2:8080,10.128.2.2:8080',
      '  <node>:30080/TCP   default/web:http  Local    <none>',
      '',
    ]);
  });

  it('adds nothing to a node when no Service is programmed', () => {
    const w = new DescribeWriter();
    describeServiceRules(w, nodeObject('n1'), stateWith());
    expect(w.toString()).toBe('');
  });
});
