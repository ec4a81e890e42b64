// Pods (core/v1): defaulted and validated as the API server does, started Pending; once created,
// only metadata may change through an update (ksim does not let a running pod's spec move).

import { sameJson } from '../../core/canonical-json.ts';
import type { Pod, PodSpec } from '../../core/objects.ts';
import type { KindDefinition } from '../definition.ts';
import { describePod } from '../describe/pod.ts';
import { podHeaders, podRow } from '../printers/pods.ts';
import { POD_FIELDS } from '../schema/pod.ts';
import { forbidden } from '../validation/field-errors.ts';
import { defaultPodForCreate } from '../validation/pod-defaults.ts';
import { validatePodSpec } from '../validation/pod-spec.ts';
import { podSpecWarnings } from '../validation/pod-warnings.ts';

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export const POD: KindDefinition<Pod> = {
  kind: 'Pod',
  group: '',
  version: 'v1',
  plural: 'pods',
  shortNames: ['po'],
  namespaced: true,
  categories: ['all'],
  fields: POD_FIELDS,
  generation: false,
  statusSubresource: true,
  scale: false,
  defaultPropagation: 'Background',
  prepareForCreate(pod) {
    const errors = validatePodSpec('spec', pod.spec);
    if (errors.length > 0) return { errors };
    return { object: { ...pod, spec: defaultPodForCreate(pod.spec), status: { phase: 'Pending' } } };
  },
  prepareForUpdate(next, current) {
    const errors = validatePodSpec('spec', next.spec);
    if (errors.length > 0) return { errors };
    const nodeName = current.spec.nodeName;
    const spec: PodSpec = { ...defaultPodForCreate(next.spec), ...(nodeName === undefined ? {} : { nodeName }) };
    if (!sameJson(spec, current.spec)) return { errors: [forbidden('spec', POD_UPDATE_FORBIDDEN)] };
    return { object: { ...next, spec: current.spec } };
  },
  printer: {
    headers: podHeaders,
    row: (pod, wide, { nowMs }) => podRow(pod, nowMs, wide),
  },
  describe: (w, pod, { nowMs }) => describePod(w, pod, nowMs),
  warnings: (pod) => podSpecWarnings('spec', pod.spec),
};
