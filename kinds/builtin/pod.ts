// Pods (core/v1): defaulted and validated as the API server does, started Pending (with the
// SchedulingGated condition while scheduling gates hold it back), label keys merged into their
// selectors; once created, an update may change metadata, remove scheduling gates, and change the
// few spec fields upstream lets move (pod-update.ts).

import { podQosClass } from '../../core/qos-class.ts';
import { sameJson } from '../../core/canonical-json.ts';
import type { Condition, Pod, PodSpec } from '../../core/objects.ts';
import { chainAdmission } from '../admission/chain.ts';
import { admitPodPriority, keepPodPriority } from '../admission/priority.ts';
import { admitPodServiceAccount, keepPodServiceAccount } from '../admission/service-account.ts';
import type { KindDefinition } from '../definition.ts';
import { defaultPodResources, validatePodLimits } from '../limits/limit-ranger.ts';
import { describePod } from '../describe/pod.ts';
import { podHeaders, podRow } from '../printers/pods.ts';
import { POD_FIELDS } from '../schema/pod.ts';
import { type FieldError, forbidden } from '../validation/field-errors.ts';
import { defaultPodForCreate } from '../validation/pod-defaults.ts';
import { mergeLabelKeys } from '../validation/pod-label-keys.ts';
import { validateGatedNodeName } from '../validation/pod-scheduling.ts';
import { validatePodSpec } from '../validation/pod-spec.ts';
import { podSpecWarnings } from '../validation/pod-warnings.ts';
import { validatePodSpecUpdate } from '../validation/pod-update.ts';
import { withFields } from '../../core/with-fields.ts';

/** applySchedulingGatedCondition: a pod created with gates says why the scheduler leaves it alone. */
function initialConditions(pod: Pod): { conditions?: Condition[] } {
  if ((pod.spec.schedulingGates ?? []).length === 0) return {};
  const gated: Condition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: pod.metadata.creationTimestamp,
    reason: 'SchedulingGated',
    message: 'Scheduling is blocked due to non-empty scheduling gates',
  };
  return { conditions: [gated] };
}

type GateList = PodSpec['schedulingGates'];

/** validateOnlyDeletedSchedulingGates: every gate of the update must be one the pod already had. */
function addedGates(next: GateList, current: GateList): FieldError[] {
  const had = new Set((current ?? []).map((gate) => gate.name));
  return (next ?? []).flatMap((gate, index) =>
    had.has(gate.name) ? [] : [forbidden(`spec.schedulingGates[${index}].name`, `only deletion is allowed, but found new scheduling gate '${gate.name}'`)],
  );
}

/** The spec with this gate list; an empty list is no list, as the API omits it. */
function withGates(spec: PodSpec, gates: GateList): PodSpec {
  const { schedulingGates: _dropped, ...rest } = spec;
  return gates === undefined || (gates ?? []).length === 0 ? rest : withFields(rest, { schedulingGates: gates });
}

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
  // Mutating admission in kube-apiserver's plugin order: LimitRanger's defaults, ServiceAccount, Priority.
  admitCreate: (pod, state) =>
    chainAdmission(pod, state, [(object, context) => ({ object: defaultPodResources(object, context) }), admitPodServiceAccount, admitPodPriority]),
  validateAdmission: validatePodLimits,
  admitUpdate: (next, current) => chainAdmission(next, current, [keepPodServiceAccount, keepPodPriority]),
  prepareForCreate(pod) {
    const specErrors = validatePodSpec('spec', pod.spec);
    const errors = specErrors.length > 0 ? specErrors : validateGatedNodeName('spec', pod.spec as unknown as Record<string, unknown>);
    if (errors.length > 0) return { errors };
    const spec = mergeLabelKeys(defaultPodForCreate(pod.spec), pod.metadata.labels ?? {});
    // The API server sets the QoS class at creation, from the defaulted spec (requests from limits).
    return { object: { ...pod, spec, status: { phase: 'Pending', ...initialConditions(pod), qosClass: podQosClass(spec) } } };
  },
  prepareForUpdate(next, current) {
    const errors = validatePodSpec('spec', next.spec);
    if (errors.length > 0) return { errors };
    const gateErrors = addedGates(next.spec.schedulingGates, current.spec.schedulingGates);
    if (gateErrors.length > 0) return { errors: gateErrors };
    const nodeName = current.spec.nodeName;
    // An update that leaves the stored spec as it is (but for removed gates) needs no more checks.
    if (sameJson(withGates(next.spec, current.spec.schedulingGates), current.spec)) {
      return { object: { ...next, spec: withGates(current.spec, next.spec.schedulingGates) } };
    }
    // The spec as created went through defaulting and the label-key merge; the update is compared with it the same way.
    const merged = mergeLabelKeys(defaultPodForCreate(next.spec), current.metadata.labels ?? {});
    const spec: PodSpec = withFields(withGates(merged, current.spec.schedulingGates), nodeName === undefined ? {} : { nodeName });
    const updateErrors = validatePodSpecUpdate(spec, current.spec);
    if (updateErrors.length > 0) return { errors: updateErrors };
    // Only the fields an update may change can differ; everything else is the stored spec.
    const updated = sameJson(spec, current.spec) ? current.spec : spec;
    return { object: { ...next, spec: withGates(updated, next.spec.schedulingGates) } };
  },
  printer: {
    headers: podHeaders,
    row: (pod, wide, { nowMs }) => podRow(pod, nowMs, wide),
  },
  describe: (w, pod, { nowMs }) => describePod(w, pod, nowMs),
  warnings: (pod) => podSpecWarnings('spec', pod.spec),
};
