// kubectl's reading of a List: any manifest with `items` is a list (unstructured's decoder decides
// so), flattened item by item, in order, lists within lists too, each item then its own request.
// Items of a typed list (a PodList) that give neither kind nor apiVersion take them from the list.

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A manifest to apply, and its place in the scenario when it is a List's item. */
export interface ListedManifest {
  readonly manifest: unknown;
  readonly source?: string;
}

/** The manifests a manifest stands for: itself, or a list's items; a message when a list is malformed. */
export function flattenManifest(manifest: unknown, path: string, inList = false): ListedManifest[] | string {
  if (!isRecord(manifest) || manifest.items === undefined || manifest.items === null) return [inList ? { manifest, source: path } : { manifest }];
  const { items, kind, apiVersion } = manifest;
  if (!Array.isArray(items)) return `${path}.items: a List holds a list of manifests`;
  const itemKind = typeof kind === 'string' ? kind.replace(/List$/, '') : '';
  const flattened: ListedManifest[] = [];
  for (const [index, item] of items.entries()) {
    if (!isRecord(item)) return `${path}.items[${index}]: expected a manifest (a mapping with apiVersion, kind and metadata)`;
    const typed = item.kind === undefined && item.apiVersion === undefined && itemKind !== '' ? { ...item, kind: itemKind, apiVersion } : item;
    const inner = flattenManifest(typed, `${path}.items[${index}]`, true);
    if (typeof inner === 'string') return inner;
    flattened.push(...inner);
  }
  return flattened;
}
