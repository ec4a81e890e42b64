// A label selector turned into a predicate once per sync, so matching a thousand pods does not
// re-read the selector's entries for each of them. Same rules as core/labels.ts selectorMatches.

import { type LabelSelector, type Labels, requirementMatches } from '../../core/labels.ts';

export function labelMatcher(selector: LabelSelector): (labels: Labels | undefined) => boolean {
  const pairs = Object.entries(selector.matchLabels ?? {});
  const requirements = selector.matchExpressions ?? [];
  return (labels) => {
    for (const [key, value] of pairs) {
      if (labels?.[key] !== value) return false;
    }
    for (const requirement of requirements) {
      if (!requirementMatches(requirement, labels)) return false;
    }
    return true;
  };
}
