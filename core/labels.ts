// Label selectors: the structured form used in specs (matchLabels, matchExpressions) and the
// string form used on the command line ("app=web,tier!=db,env in (a,b),!canary").

import { compareStrings } from './table.ts';

export type Labels = Readonly<Record<string, string>>;

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface SelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly SelectorRequirement[];
}

export function requirementMatches(requirement: SelectorRequirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'In':
      return has && (requirement.values ?? []).includes(value ?? '');
    case 'NotIn':
      return !has || !(requirement.values ?? []).includes(value ?? '');
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** True when the labels satisfy every requirement. An empty selector matches everything. */
export function selectorMatches(selector: LabelSelector, labels: Labels | undefined): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels?.[key] !== value) return false;
  }
  return (selector.matchExpressions ?? []).every((requirement) => requirementMatches(requirement, labels));
}

const SET_REQUIREMENT = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/;

/** Splits on commas that are not inside a parenthesised value list. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth--;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const KEY = /^([A-Za-z0-9][-A-Za-z0-9_.]*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A requirement whose key and values are well formed, or the error text for the whole part. */
function checked(requirement: SelectorRequirement, part: string): SelectorRequirement | string {
  const valid = KEY.test(requirement.key) && (requirement.values ?? []).every((value) => VALUE.test(value));
  return valid ? requirement : `unable to parse requirement: "${part}"`;
}

function parseRequirement(part: string): SelectorRequirement | string {
  const requirement = parseRequirementShape(part);
  return typeof requirement === 'string' ? requirement : checked(requirement, part);
}

function parseRequirementShape(part: string): SelectorRequirement | string {
  const set = SET_REQUIREMENT.exec(part);
  if (set) {
    const values = (set[3] ?? '')
      .split(',')
      .map((value) => value.trim())
      .filter((value) => value !== '');
    return { key: set[1] ?? '', operator: set[2] === 'in' ? 'In' : 'NotIn', values };
  }
  const inequality = /^([^\s!=]+)\s*!=\s*(\S*)$/.exec(part);
  if (inequality) return { key: inequality[1] ?? '', operator: 'NotIn', values: [inequality[2] ?? ''] };
  const equality = /^([^\s!=]+)\s*==?\s*(\S*)$/.exec(part);
  if (equality) return { key: equality[1] ?? '', operator: 'In', values: [equality[2] ?? ''] };
  const absent = /^!\s*([^\s!=(),]+)$/.exec(part);
  if (absent) return { key: absent[1] ?? '', operator: 'DoesNotExist' };
  const present = /^([^\s!=(),]+)$/.exec(part);
  if (present) return { key: present[1] ?? '', operator: 'Exists' };
  return `unable to parse requirement: "${part}"`;
}

/** Parses kubectl's selector syntax; the Left side is upstream-style error text. */
export function parseSelector(text: string): { ok: true; selector: LabelSelector } | { ok: false; error: string } {
  const matchExpressions: SelectorRequirement[] = [];
  for (const part of splitTopLevel(text)) {
    const requirement = parseRequirement(part);
    if (typeof requirement === 'string') return { ok: false, error: requirement };
    matchExpressions.push(requirement);
  }
  return { ok: true, selector: { matchExpressions } };
}

function requirementText(requirement: SelectorRequirement): string {
  const values = [...(requirement.values ?? [])].sort(compareStrings).join(',');
  switch (requirement.operator) {
    case 'In':
      return `${requirement.key} in (${values})`;
    case 'NotIn':
      return `${requirement.key} notin (${values})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/**
 * labels.Selector.String() of LabelSelectorAsSelector: the requirements sorted by key (and the
 * values of a set requirement sorted), "" for a missing or empty selector.
 */
export function selectorText(selector: LabelSelector | undefined): string {
  if (selector === undefined) return '';
  const requirements = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, text: `${key}=${value}` })),
    ...(selector.matchExpressions ?? []).map((requirement) => ({ key: requirement.key, text: requirementText(requirement) })),
  ];
  return requirements
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((requirement) => requirement.text)
    .join(',');
}

/** metav1.FormatLabelSelector, as `kubectl get -o wide` and `describe` print selectors: "<none>" when empty. */
export function formatSelector(selector: LabelSelector | undefined): string {
  return selectorText(selector) || '<none>';
}

/**
 * A label selector as metav1.LabelSelectorAsSelector makes it: a missing selector selects nothing,
 * an empty one everything, and matchLabels become In requirements of one value. `empty` is Go's
 * Selector.Empty(): no requirement at all.
 */
export interface Selector {
  readonly nothing: boolean;
  readonly requirements: readonly SelectorRequirement[];
}

export const NOTHING: Selector = { nothing: true, requirements: [] };
export const EVERYTHING: Selector = { nothing: false, requirements: [] };

export function asSelector(selector: LabelSelector | null | undefined): Selector {
  if (selector === undefined || selector === null) return NOTHING;
  const pairs = Object.entries(selector.matchLabels ?? {}).map(([key, value]): SelectorRequirement => ({ key, operator: 'In', values: [value] }));
  return { nothing: false, requirements: [...pairs, ...(selector.matchExpressions ?? [])] };
}

/** labels.SelectorFromSet(set) with the selector's own requirements added, as a merge of label keys does. */
export function withPairs(selector: Selector, pairs: readonly (readonly [string, string])[]): Selector {
  if (selector.nothing || pairs.length === 0) return selector;
  const added = pairs.map(([key, value]): SelectorRequirement => ({ key, operator: 'In', values: [value] }));
  return { nothing: false, requirements: [...added, ...selector.requirements] };
}

export function isEmptySelector(selector: Selector): boolean {
  return !selector.nothing && selector.requirements.length === 0;
}

export function matchesSelector(selector: Selector, labels: Labels | undefined): boolean {
  if (selector.nothing) return false;
  for (const requirement of selector.requirements) {
    if (!requirementMatches(requirement, labels)) return false;
  }
  return true;
}
