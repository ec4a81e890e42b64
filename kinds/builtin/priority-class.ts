// PriorityClasses (scheduling.k8s.io/v1, cluster-scoped): a name for a pod priority. The Priority
// admission plugin resolves a pod's class when the pod is created, so a class changes nothing for
// pods that exist; value and preemption policy are immutable.

import type { PriorityClass } from '../../core/objects.ts';
import { admitPriorityClass } from '../admission/priority.ts';
import type { KindDefinition } from '../definition.ts';
import { describePriorityClass } from '../describe/priority-class.ts';
import { priorityClassHeaders, priorityClassRow } from '../printers/priority-class.ts';
import { PRIORITY_CLASS_FIELDS } from '../schema/policy.ts';
import { validatePriorityClass, validatePriorityClassUpdate } from '../validation/priority-class.ts';
import { withFields } from '../../core/with-fields.ts';

/** SetDefaults_PriorityClass: preemptionPolicy defaults to PreemptLowerPriority. */
function withDefaults(priorityClass: PriorityClass): PriorityClass {
  return priorityClass.preemptionPolicy === undefined ? withFields(priorityClass, { preemptionPolicy: 'PreemptLowerPriority' }) : priorityClass;
}

export const PRIORITY_CLASS: KindDefinition<PriorityClass> = {
  kind: 'PriorityClass',
  group: 'scheduling.k8s.io',
  version: 'v1',
  plural: 'priorityclasses',
  shortNames: ['pc'],
  namespaced: false,
  generation: true,
  statusSubresource: false,
  scale: false,
  defaultPropagation: 'Background',
  fields: PRIORITY_CLASS_FIELDS,
  admitCreate: admitPriorityClass,
  admitUpdate: (next, _current, state) => admitPriorityClass(next, state),
  prepareForCreate(given) {
    const priorityClass = withDefaults(given);
    const errors = validatePriorityClass(priorityClass);
    return errors.length > 0 ? { errors } : { object: priorityClass };
  },
  prepareForUpdate(given, current) {
    const next = withDefaults(given);
    const errors = validatePriorityClassUpdate(next, current);
    return errors.length > 0 ? { errors } : { object: next };
  },
  printer: { headers: priorityClassHeaders, row: (priorityClass, _wide, { nowMs }) => priorityClassRow(priorityClass, nowMs) },
  describe: (w, priorityClass) => describePriorityClass(w, priorityClass),
};
