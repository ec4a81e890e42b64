// `kubectl describe priorityclass` (describe.go describePriorityClass): annotations on one line.

import type { PriorityClass } from '../../core/objects.ts';
import { formatLabels } from '../printers/labels.ts';
import type { DescribeWriter } from './describe-writer.ts';

export function describePriorityClass(w: DescribeWriter, priorityClass: PriorityClass): void {
  w.line(0, `Name:\t${priorityClass.metadata.name}`);
  w.line(0, `Value:\t${priorityClass.value}`);
  w.line(0, `GlobalDefault:\t${String(priorityClass.globalDefault === true)}`);
  w.line(0, `PreemptionPolicy:\t${priorityClass.preemptionPolicy ?? ''}`);
  w.line(0, `Description:\t${priorityClass.description ?? ''}`);
  w.line(0, `Annotations:\t${formatLabels(priorityClass.metadata.annotations)}`);
}
