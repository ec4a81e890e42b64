import { describe, expect, it } from 'vitest';
import { ingressesServedBy, KSIM_INGRESS_CONTROLLER } from '../../../kinds/networking/ingress-class.ts';
import { stateWith } from '../../support/reduce-events.ts';
import { ingress, ingressClass } from '../../support/networking.ts';

const names = (list: readonly { metadata: { name: string } }[]) => list.map((item) => item.metadata.name);

describe('which Ingresses a controller serves', () => {
  it('those whose class names its controller, and those with no class while its class is the default', () => {
    const state = stateWith(
      ingressClass('ksim', KSIM_INGRESS_CONTROLLER, true),
      ingressClass('nginx', 'k8s.io/ingress-nginx'),
      ingress('mine', { ingressClassName: 'ksim' }),
      ingress('theirs', { ingressClassName: 'nginx' }),
      ingress('unclassed', {}),
      ingress('missing-class', { ingressClassName: 'gone' }),
    );
    expect(names(ingressesServedBy(state, KSIM_INGRESS_CONTROLLER))).toEqual(['mine', 'unclassed']);
  });

  it('no Ingress without a class when no class is the default', () => {
    const state = stateWith(ingressClass('ksim', KSIM_INGRESS_CONTROLLER), ingress('unclassed', {}));
    expect(ingressesServedBy(state, KSIM_INGRESS_CONTROLLER)).toEqual([]);
  });
});
