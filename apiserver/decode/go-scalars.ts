// How Go's JSON decoder (sigs.k8s.io/json, as the API server runs it) takes one scalar into a typed
// field, and the error it gives when it cannot. Type mismatches are "saved": decoding goes on and
// the first one is reported. A custom unmarshaler's error (a quantity, a timestamp, an
// int-or-string) ends decoding at once, as Go's does.

import { parseGoDuration } from '../../core/cron/go-duration.ts';
import { parseQuantity } from '../../core/quantity.ts';
import type { ScalarType } from '../../kinds/schema/field-types.ts';
import { goTimeParseError, RFC3339, RFC3339_MICRO } from './go-time.ts';

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** What a scalar became. */
export type ScalarResult =
  | { readonly value: unknown }
  /** A type mismatch ("number", "number 1.5"), worded by the caller with the field it was in. */
  | { readonly mismatch: string }
  /** Saved like a mismatch, but already worded (a bad base64 string). */
  | { readonly saved: string }
  /** Ends decoding at once (a custom unmarshaler's error). */
  | { readonly fatal: string };

/** The JSON kind of a value as Go's UnmarshalTypeError names it. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

const INT_RANGE = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] } as const;

function integer(value: unknown, bits: 'int32' | 'int64'): { readonly value: number } | { readonly mismatch: string } {
  if (typeof value !== 'number') return { mismatch: jsonKind(value) };
  const [min, max] = INT_RANGE[bits];
  if (!Number.isInteger(value) || value < min || value > max) return { mismatch: `number ${String(value)}` };
  return { value };
}

/** Go's base64.StdEncoding.DecodeString: the byte offset of the first corrupt input, if any (newlines are skipped). */
export function base64ErrorOffset(text: string): number | undefined {
  const skipNewlines = (from: number) => {
    let at = from;
    while (at < text.length && (text[at] === '\n' || text[at] === '\r')) at++;
    return at;
  };
  let read = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n' || char === '\r') continue;
    if (/[A-Za-z0-9+/]/.test(char)) {
      read = (read + 1) % 4;
      continue;
    }
    if (char !== '=' || read < 2) return at;
    let next = skipNewlines(at + 1);
    if (read === 2) {
      // "==" is expected.
      if (next === text.length) return text.length;
      if (text[next] !== '=') return next - 1;
      next = skipNewlines(next + 1);
    }
    return next < text.length ? next : undefined;
  }
  // Input that ends inside a group of four is corrupt where that group began.
  return read === 0 ? undefined : text.length - read;
}

function stringInto(value: unknown, parse: (text: string) => string | undefined): ScalarResult {
  if (typeof value !== 'string') return { fatal: `json: cannot unmarshal ${jsonKind(value)} into Go value of type string` };
  const error = parse(value);
  return error === undefined ? { value } : { fatal: error };
}

/** A non-null JSON value into a scalar field. */
export function decodeScalar(type: ScalarType, value: unknown): ScalarResult {
  switch (type.scalar) {
    case 'string':
      return typeof value === 'string' ? { value } : { mismatch: jsonKind(value) };
    case 'bool':
      return typeof value === 'boolean' ? { value } : { mismatch: jsonKind(value) };
    case 'int32':
    case 'int64':
      return integer(value, type.scalar);
    case 'float64':
      return typeof value === 'number' ? { value } : { mismatch: jsonKind(value) };
    case 'quantity': {
      const ok = (typeof value === 'string' || typeof value === 'number') && parseQuantity(typeof value === 'string' ? value.trim() : value) !== undefined;
      return ok ? { value } : { fatal: QUANTITY_FORMAT_ERROR };
    }
    case 'intOrString': {
      if (typeof value === 'string') return { value };
      const int = integer(value, 'int32');
      return 'value' in int ? int : { fatal: `json: cannot unmarshal ${int.mismatch} into Go value of type int32` };
    }
    case 'time':
      return stringInto(value, (text) => goTimeParseError(RFC3339, text));
    case 'microTime':
      return stringInto(value, (text) => goTimeParseError(RFC3339_MICRO, text));
    case 'duration':
      return stringInto(value, (text) => {
        const parsed = parseGoDuration(text);
        return 'error' in parsed ? parsed.error : undefined;
      });
    case 'bytes': {
      if (typeof value !== 'string') return { mismatch: jsonKind(value) };
      const offset = base64ErrorOffset(value);
      return offset === undefined ? { value } : { saved: `illegal base64 data at input byte ${offset}` };
    }
    case 'json':
      return { value };
  }
}
