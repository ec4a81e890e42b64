// The "Topology Spread Constraints" lines of a pod template (describe.go
// describeTopologySpreadConstraints): one constraint a line, sorted by topology key.

import type { LabelSelector } from '../../core/labels.ts';
import { compareStrings } from '../../core/table.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { formatSelector as formatLabelSelector } from '../../core/labels.ts';

interface TopologySpreadConstraint {
  readonly topologyKey?: string;
  readonly whenUnsatisfiable?: string;
  readonly maxSkew?: number;
  readonly labelSelector?: LabelSelector;
}

function constraintText(constraint: TopologySpreadConstraint): string {
  const selector = constraint.labelSelector === undefined ? '' : ` for selector ${formatLabelSelector(constraint.labelSelector)}`;
  return `${constraint.topologyKey ?? ''}:${constraint.whenUnsatisfiable ?? ''} when max skew ${constraint.maxSkew ?? 0} is exceeded${selector}`;
}

/** Nothing when the list is empty; `space` is the indent of the title and of every further line. */
export function describeTopologySpreadConstraints(w: DescribeWriter, constraints: unknown, space: string): void {
  const list = Array.isArray(constraints) ? (constraints as TopologySpreadConstraint[]) : [];
  const sorted = [...list].sort((a, b) => compareStrings(a.topologyKey ?? '', b.topologyKey ?? ''));
  sorted.forEach((constraint, i) => {
    w.line(0, `${space}${i === 0 ? 'Topology Spread Constraints:' : ''}\t${constraintText(constraint)}`);
  });
}
