// PriorityClasses print NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY (printers.go printPriorityClass).

import type { PriorityClass } from '../../core/objects.ts';
import { ageSince } from './time.ts';

export function priorityClassHeaders(): string[] {
  return ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'];
}

export function priorityClassRow(priorityClass: PriorityClass, nowMs: number): string[] {
  return [
    priorityClass.metadata.name,
    String(priorityClass.value),
    String(priorityClass.globalDefault === true),
    ageSince(priorityClass.metadata.creationTimestamp, nowMs),
    priorityClass.preemptionPolicy ?? '',
  ];
}
