// Label selectors: the structured form used in specs (matchLabels, matchExpressions) and the
// string form used on the command line ("app=web,tier!=db,env in (a,b),!canary").

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

/** The selector in kubectl's string form, as `kubectl get rs -o wide` prints it. */
export function formatSelector(selector: LabelSelector | undefined): string {
  if (selector === undefined) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`);
  for (const requirement of selector.matchExpressions ?? []) {
    const values = (requirement.values ?? []).join(',');
    if (requirement.operator === 'In') parts.push(`${requirement.key} in (${values})`);
    if (requirement.operator === 'NotIn') parts.push(`${requirement.key} notin (${values})`);
    if (requirement.operator === 'Exists') parts.push(requirement.key);
    if (requirement.operator === 'DoesNotExist') parts.push(`!${requirement.key}`);
  }
  return parts.length === 0 ? '<none>' : parts.join(',');
}

