// Pods (core/v1): defaulted and validated as the API server does, started Pending; once created,
// an update may change metadata and the few spec fields upstream lets move (pod-update.ts).

import { sameJson } from '../../core/canonical-json.ts';
import type { Pod, PodSpec } from '../../core/objects.ts';
import type { KindDefinition } from '../definition.ts';
import { describePod } from '../describe/pod.ts';
import { podHeaders, podRow } from '../printers/pods.ts';
import { defaultPodForCreate } from '../validation/pod-defaults.ts';
import { validatePodSpec } from '../validation/pod-spec.ts';
import { podSpecWarnings } from '../validation/pod-warnings.ts';
import { validatePodSpecUpdate } from '../validation/pod-update.ts';

export const POD: KindDefinition<Pod> = {
  kind: 'Pod',
  group: '',
  version: 'v1',
  plural: 'pods',
  shortNames: ['po'],
  namespaced: true,
  categories: ['all'],
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
    const updateErrors = validatePodSpecUpdate(spec, current.spec);
    if (updateErrors.length > 0) return { errors: updateErrors };
    // Only the fields an update may change can differ; everything else is the stored spec.
    return { object: { ...next, spec: sameJson(spec, current.spec) ? current.spec : spec } };
  },
  printer: {
    headers: podHeaders,
    row: (pod, wide, { nowMs }) => podRow(pod, nowMs, wide),
  },
  describe: (w, pod, { nowMs }) => describePod(w, pod, nowMs),
  warnings: (pod) => podSpecWarnings('spec', pod.spec),
};
