// The first gate for a manifest: it must be an object with apiVersion, kind and metadata, of a
// kind and version the cluster serves (the kind registry's). Everything past this reads typed fields.

import { apiVersionOf, type KindDefinition, kindDefinition } from '../kinds/registry.ts';

export interface ManifestHead {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly metadata: Record<string, unknown>;
  readonly body: Record<string, unknown>;
  readonly definition: KindDefinition;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The manifest's head, or the API server's words for why it cannot be read. */
export function readManifestHead(manifest: unknown): { ok: true; head: ManifestHead } | { ok: false; kind: string; message: string } {
  if (!isRecord(manifest)) return { ok: false, kind: '', message: 'the request body must be a JSON or YAML object' };
  const kind = typeof manifest.kind === 'string' ? manifest.kind : '';
  if (kind === '') return { ok: false, kind, message: `Object 'Kind' is missing in '${JSON.stringify(manifest)}'` };
  if (typeof manifest.apiVersion !== 'string' || manifest.apiVersion === '') return { ok: false, kind, message: `Object 'apiVersion' is missing in '${JSON.stringify(manifest)}'` };
  const definition = kindDefinition(kind);
  if (definition === undefined || apiVersionOf(definition) !== manifest.apiVersion) {
    return { ok: false, kind, message: `no matches for kind "${kind}" in version "${manifest.apiVersion}"` };
  }
  const metadata = isRecord(manifest.metadata) ? manifest.metadata : {};
  return {
    ok: true,
    head: {
      apiVersion: manifest.apiVersion,
      kind,
      name: optionalString(metadata.name),
      generateName: optionalString(metadata.generateName),
      namespace: optionalString(metadata.namespace),
      metadata,
      body: manifest,
      definition,
    },
  };
}
