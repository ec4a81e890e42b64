// Reading a scenario file: YAML, then the io-ts codec, with `applyFile` steps replaced by the
// manifests they name so the loaded scenario (and the log header that keeps it) stands alone.
// Every error names the file, the field path and what was expected.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isLeft } from 'fp-ts/lib/Either.js';
import { type Document, parseAllDocuments, parseDocument } from 'yaml';
import { formatDecodeErrors } from '../core/decode-errors.ts';
import { type Scenario, ScenarioCodec } from './codecs.ts';
import { unknownKeys } from './strict-keys.ts';

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly string[] };

function readText(path: string, label: string): Loaded<string> {
  try {
    return { ok: true, value: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : (error as Error).message;
    return { ok: false, errors: [`${label}: ${why}`] };
  }
}

/** The first YAML error only: the ones after it are usually the parser losing its footing. */
function yamlErrors(document: Document, label: string): string[] {
  return document.errors.slice(0, 1).map((error) => {
    const position = error.linePos?.[0];
    const where = position === undefined ? label : `${label}:${position.line}:${position.col}`;
    return `${where}: ${error.message.split('\n')[0]}`;
  });
}

/** Every manifest in a multi-document YAML file; empty documents are skipped, as kubectl does. */
export function readManifestFile(path: string, label: string): Loaded<Record<string, unknown>[]> {
  const text = readText(path, label);
  if (!text.ok) return text;
  const documents = parseAllDocuments(text.value);
  const list = Array.isArray(documents) ? documents : [documents];
  const errors = list.flatMap((document) => yamlErrors(document as Document, label));
  if (errors.length > 0) return { ok: false, errors };
  const manifests: Record<string, unknown>[] = [];
  list.forEach((document, index) => {
    const value: unknown = (document as Document).toJS();
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) errors.push(`${label}: document ${index + 1}: expected a manifest (a mapping with apiVersion, kind and metadata)`);
    else manifests.push(value as Record<string, unknown>);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: manifests };
}

/** Replaces each `applyFile` step by an `apply` of the file's manifests, read relative to the scenario. */
function inlineFiles(raw: Record<string, unknown>, baseDir: string, label: string): Loaded<Record<string, unknown>> {
  if (!Array.isArray(raw.steps)) return { ok: true, value: raw };
  const errors: string[] = [];
  const steps = raw.steps.map((step: unknown, index) => {
    if (typeof step !== 'object' || step === null || typeof (step as Record<string, unknown>).applyFile !== 'string') return step;
    const { applyFile, ...rest } = step as Record<string, unknown>;
    const read = readManifestFile(resolve(baseDir, applyFile as string), `${label}: steps[${index}].applyFile: ${applyFile}`);
    if (!read.ok) {
      errors.push(...read.errors);
      return step;
    }
    return { ...rest, apply: read.value };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { ...raw, steps } };
}

/** Decodes an already parsed scenario (from a file, or from a log header). */
export function decodeScenario(raw: unknown, label: string): Loaded<Scenario> {
  // An unknown key explains the errors decoding would give (a key misspelt is a key missing), so it comes alone.
  const unknown = unknownKeys(ScenarioCodec, raw);
  if (unknown.length > 0) return { ok: false, errors: unknown.map((line) => `${label}: ${line}`) };
  const decoded = ScenarioCodec.decode(raw);
  if (isLeft(decoded)) return { ok: false, errors: formatDecodeErrors(decoded.left).map((line) => `${label}: ${line}`) };
  return { ok: true, value: decoded.right };
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The scenario as loaded, files inlined: what a log header keeps. */
  readonly raw: Record<string, unknown>;
}

export function loadScenarioFile(path: string): Loaded<LoadedScenario> {
  const text = readText(path, path);
  if (!text.ok) return text;
  const document = parseDocument(text.value);
  const errors = yamlErrors(document, path);
  if (errors.length > 0) return { ok: false, errors };
  const parsed: unknown = document.toJS();
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, errors: [`${path}: expected a scenario: a mapping with name, nodes and steps`] };
  const inlined = inlineFiles(parsed as Record<string, unknown>, dirname(path), path);
  if (!inlined.ok) return inlined;
  const scenario = decodeScenario(inlined.value, path);
  return scenario.ok ? { ok: true, value: { scenario: scenario.value, raw: inlined.value } } : scenario;
}
