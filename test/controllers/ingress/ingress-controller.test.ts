import { describe, expect, it } from 'vitest';
import { syncIngress } from '../../../controllers/ingress/index.ts';
import { KSIM_INGRESS_CONTROLLER } from '../../../kinds/networking/ingress-class.ts';
import { commandsOf } from '../../support/effects.ts';
import { contextAt, stateWith } from '../../support/reduce-events.ts';
import { ingress, ingressClass } from '../../support/networking.ts';

const ADDRESS = '203.0.113.10';

describe("ksim's ingress controller", () => {
  it("writes its address into the status of an Ingress of its class", () => {
    const state = stateWith(ingressClass('ksim', KSIM_INGRESS_CONTROLLER), ingress('shop', { ingressClassName: 'ksim' }));
    expect(commandsOf(syncIngress('default/shop', contextAt(state), ADDRESS))).toMatchObject([
      { type: 'updateStatus', kind: 'Ingress', namespace: 'default', name: 'shop', status: { loadBalancer: { ingress: [{ ip: ADDRESS }] } } },
    ]);
  });

  it("leaves another controller's Ingress alone", () => {
    const state = stateWith(ingressClass('nginx', 'k8s.io/ingress-nginx', true), ingress('shop', {}));
    expect(syncIngress('default/shop', contextAt(state), ADDRESS)).toEqual([]);
  });

  it('writes nothing when the status already says so', () => {
    const served = { ...ingress('shop', { ingressClassName: 'ksim' }), status: { loadBalancer: { ingress: [{ ip: ADDRESS }] } } };
    const state = stateWith(ingressClass('ksim', KSIM_INGRESS_CONTROLLER), served);
    expect(syncIngress('default/shop', contextAt(state), ADDRESS)).toEqual([]);
  });
});
