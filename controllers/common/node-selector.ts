// Node selector terms as upstream's component-helpers/scheduling/corev1/nodeaffinity parses and
// matches them: expressions within a term are ANDed, an invalid term matches no node, and
// matchFields only knows metadata.name.

import { type Labels, requirementMatches } from '../../core/labels.ts';
import type { NodeSelectorRequirement, NodeSelectorTerm } from '../../core/objects.ts';

type LabelRequirement =
  | {
      readonly kind: 'set';
      readonly requirement: NodeSelectorRequirement & {
        operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
      };
    }
  | { readonly kind: 'compare'; readonly key: string; readonly greater: boolean; readonly bound: bigint };

interface FieldRequirement {
  readonly key: string;
  readonly equal: boolean;
  readonly value: string;
}

export interface ParsedTerm {
  readonly labels: readonly LabelRequirement[];
  readonly fields: readonly FieldRequirement[];
  /** A term that failed to parse matches nothing, as upstream's nodeSelectorTerm.match. */
  readonly valid: boolean;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(text, 10, 64): an optional sign and decimal digits, within int64. */
export function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** labels.NewRequirement's value rules for each operator; undefined when the requirement is invalid. */
function parseLabelRequirement(requirement: NodeSelectorRequirement): LabelRequirement | undefined {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case 'In':
    case 'NotIn':
      return values.length === 0
        ? undefined
        : { kind: 'set', requirement: { ...requirement, operator: requirement.operator } };
    case 'Exists':
    case 'DoesNotExist':
      return values.length !== 0
        ? undefined
        : { kind: 'set', requirement: { ...requirement, operator: requirement.operator } };
    case 'Gt':
    case 'Lt': {
      const bound = values.length === 1 ? parseInt64(values[0] as string) : undefined;
      return bound === undefined
        ? undefined
        : { kind: 'compare', key: requirement.key, greater: requirement.operator === 'Gt', bound };
    }
    default:
      return undefined;
  }
}

/** Field selectors take In or NotIn with exactly one value (nodeSelectorRequirementsAsFieldSelector). */
function parseFieldRequirement(requirement: NodeSelectorRequirement): FieldRequirement | undefined {
  const values = requirement.values ?? [];
  if (values.length !== 1) return undefined;
  if (requirement.operator !== 'In' && requirement.operator !== 'NotIn') return undefined;
  return { key: requirement.key, equal: requirement.operator === 'In', value: values[0] as string };
}

function parseAll<A>(
  requirements: readonly NodeSelectorRequirement[],
  parse: (r: NodeSelectorRequirement) => A | undefined,
): A[] | undefined {
  const parsed: A[] = [];
  for (const requirement of requirements) {
    const one = parse(requirement);
    if (one === undefined) return undefined;
    parsed.push(one);
  }
  return parsed;
}

export function isEmptyTerm(term: NodeSelectorTerm): boolean {
  return (term.matchExpressions ?? []).length === 0 && (term.matchFields ?? []).length === 0;
}

export function parseTerm(term: NodeSelectorTerm): ParsedTerm {
  const labels = parseAll(term.matchExpressions ?? [], parseLabelRequirement);
  const fields = parseAll(term.matchFields ?? [], parseFieldRequirement);
  return { labels: labels ?? [], fields: fields ?? [], valid: labels !== undefined && fields !== undefined };
}

function compareMatches(
  requirement: Extract<LabelRequirement, { kind: 'compare' }>,
  labels: Labels,
): boolean {
  if (!Object.hasOwn(labels, requirement.key)) return false;
  const value = parseInt64(labels[requirement.key] as string);
  if (value === undefined) return false;
  return requirement.greater ? value > requirement.bound : value < requirement.bound;
}

function labelMatches(requirement: LabelRequirement, labels: Labels): boolean {
  return requirement.kind === 'set'
    ? requirementMatches(requirement.requirement, labels)
    : compareMatches(requirement, labels);
}

/** A node's fields as the scheduler sees them: only metadata.name; any other key reads as "". */
function fieldMatches(requirement: FieldRequirement, nodeName: string): boolean {
  const value = requirement.key === 'metadata.name' ? nodeName : '';
  return (value === requirement.value) === requirement.equal;
}

export function termMatches(term: ParsedTerm, labels: Labels, nodeName: string): boolean {
  if (!term.valid) return false;
  for (const requirement of term.labels) {
    if (!labelMatches(requirement, labels)) return false;
  }
  for (const requirement of term.fields) {
    if (!fieldMatches(requirement, nodeName)) return false;
  }
  return true;
}
