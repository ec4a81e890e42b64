// labels.FormatLabels: a map of labels as "key=value" pairs sorted by key, or "<none>".

import { compareStrings } from '../../core/table.ts';

export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  return keys.length === 0 ? '<none>' : keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',');
}
