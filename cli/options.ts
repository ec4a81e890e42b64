// Turning command-line text into checked values, with kubectl's wording where kubectl has one.

import { parseDurationMs } from '../core/duration.ts';
import { type KindDefinition, resolveKind } from '../kinds/registry.ts';
import { type LabelSelector, parseSelector } from '../core/labels.ts';
import { CliError } from './io.ts';

export type OutputFormat = 'table' | 'wide' | 'json' | 'yaml';

const OUTPUT_FORMATS: readonly OutputFormat[] = ['wide', 'json', 'yaml'];

export function parseKind(name: string): KindDefinition {
  const info = resolveKind(name);
  if (info === undefined) throw new CliError(`the server doesn't have a resource type "${name}"`);
  return info;
}

/** A revision: a whole number, 0 meaning before the first event. */
export function parseRevision(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new CliError(`invalid ${flag} "${text}": expected a revision number (0, 1, 2, ...)`);
  return Number(text);
}

export function parseTimeMs(text: string, flag: string): number {
  const timeMs = parseDurationMs(text);
  if (timeMs === undefined)
    throw new CliError(`invalid ${flag} "${text}": expected a duration such as 90s, 5m or 1h30m`);
  return timeMs;
}

/** kubectl's -o: absent means the plain table. */
export function parseOutputFormat(
  text: string | undefined,
  allowed: readonly OutputFormat[] = OUTPUT_FORMATS,
): OutputFormat {
  if (text === undefined) return 'table';
  const format = allowed.find((candidate) => candidate === text);
  if (format === undefined) {
    throw new CliError(
      `unable to match a printer suitable for the output format "${text}", allowed formats are: ${allowed.join(',')}`,
    );
  }
  return format;
}

export function parseLabelSelector(text: string | undefined): LabelSelector | undefined {
  if (text === undefined) return undefined;
  const parsed = parseSelector(text);
  if (!parsed.ok) throw new CliError(parsed.error);
  return parsed.selector;
}

/** Where in the run to look: --at a revision or --time a virtual time, not both; the end when neither. */
export type Position = { readonly rev: number } | { readonly timeMs: number } | { readonly end: true };

export function parsePosition(at: string | undefined, time: string | undefined): Position {
  if (at !== undefined && time !== undefined) throw new CliError('--at and --time cannot be used together');
  if (at !== undefined) return { rev: parseRevision(at, '--at') };
  if (time !== undefined) return { timeMs: parseTimeMs(time, '--time') };
  return { end: true };
}
