// A request body decoded as the API server decodes it into the kind's Go struct: every value must
// have its field's JSON type ("json: cannot unmarshal string into Go struct field
// DeploymentSpec.spec.replicas of type int32"), and fields the struct does not have are unknown
// (`unknown field "spec.replica"`) and dropped. Keys are read in sorted order, as kubectl sends
// them (it marshals a map), so the first error is the one upstream reports. A null drops the field.

import type { FieldType, StructType } from '../../kinds/schema/field-types.ts';
import { fieldOf } from '../../kinds/schema/field-types.ts';
import { decodeScalar, jsonKind } from './go-scalars.ts';

export interface DecodedBody {
  /** The body with unknown fields and nulls dropped; undefined when decoding failed. */
  readonly object?: Record<string, unknown>;
  /** The decode error, worded as Go's decoder words it; it trumps unknown fields. */
  readonly error?: string;
  /** Each unknown field's path ("spec.template.spec.containers[0].imag"), at most 100, in order. */
  readonly unknownFields: readonly string[];
}

/** Where the decoder is: the struct field path for type errors, the full path for unknown fields. */
interface Position {
  readonly structName: string;
  readonly fieldStack: string;
  readonly strictPath: string;
}

const MAX_UNKNOWN_FIELDS = 100;

class Decoder {
  /** A custom unmarshaler's error: Go stops there, so only the first counts, and it wins. */
  fatal: string | undefined;
  /** The first type mismatch: Go goes on decoding and reports it at the end. */
  saved: string | undefined;
  readonly unknownFields: string[] = [];

  value(type: FieldType, value: unknown, at: Position): unknown {
    switch (type.type) {
      case 'scalar': {
        const result = decodeScalar(type, value);
        if ('value' in result) return result.value;
        if ('fatal' in result) this.fatal ??= result.fatal;
        else if ('saved' in result) this.saved ??= result.saved;
        else this.mismatch(type, result.mismatch, at);
        return undefined;
      }
      case 'struct':
        if (isRecord(value)) return this.struct(type, value, at);
        break;
      case 'list':
        if (Array.isArray(value)) return value.map((item: unknown, index) => this.element(type.element, item, { ...at, strictPath: `${at.strictPath}[${index}]` }));
        break;
      case 'map':
        if (isRecord(value)) return this.map(type.value, value, at);
        break;
    }
    this.mismatch(type, jsonKind(value), at);
    return undefined;
  }

  private mismatch(type: FieldType, what: string, at: Position): void {
    this.saved ??= `json: cannot unmarshal ${what} into Go struct field ${at.structName}.${at.fieldStack} of type ${type.goType}`;
  }

  /** A list element or map value: a null there is the element type's zero value, as Go leaves it. */
  private element(type: FieldType, value: unknown, at: Position): unknown {
    if (value === null || value === undefined) return zeroValue(type);
    return this.value(type, value, at) ?? zeroValue(type);
  }

  private map(type: FieldType, value: Record<string, unknown>, at: Position): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(value)) out[key] = this.element(type, value[key], { ...at, strictPath: join(at.strictPath, key) });
    return inOrderOf(value, out);
  }

  struct(type: StructType, value: Record<string, unknown>, at: Position): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of sortedKeys(value)) {
      const field = fieldOf(type, key);
      const strictPath = join(at.strictPath, key);
      if (field === undefined) {
        if (this.unknownFields.length < MAX_UNKNOWN_FIELDS && !this.unknownFields.includes(strictPath)) this.unknownFields.push(strictPath);
        continue;
      }
      const given = value[key];
      if (given === null || given === undefined) continue;
      const decoded = this.value(field, given, { structName: type.name, fieldStack: join(at.fieldStack, key), strictPath });
      if (decoded !== undefined) out[key] = decoded;
    }
    return inOrderOf(value, out);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);
const sortedKeys = (value: Record<string, unknown>) => Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The decoded fields in the order the body gave them, so the stored object reads as written. */
function inOrderOf(given: Record<string, unknown>, decoded: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(given)) if (Object.hasOwn(decoded, key)) out[key] = decoded[key];
  return out;
}

/** What Go leaves in a list element or map value given null (a zero timestamp encodes as null). */
function zeroValue(type: FieldType): unknown {
  if (type.type === 'struct' || type.type === 'map') return {};
  if (type.type === 'list') return [];
  switch (type.scalar) {
    case 'string':
    case 'bytes':
      return '';
    case 'bool':
      return false;
    case 'int32':
    case 'int64':
    case 'float64':
    case 'intOrString':
      return 0;
    case 'quantity':
      return '0';
    default:
      return null;
  }
}

/** Decodes a manifest (an object) against its kind's root struct. */
export function decodeBody(root: StructType, body: Record<string, unknown>): DecodedBody {
  const decoder = new Decoder();
  const object = decoder.struct(root, body, { structName: root.name, fieldStack: '', strictPath: '' });
  const error = decoder.fatal ?? decoder.saved;
  return error === undefined ? { object, unknownFields: decoder.unknownFields } : { error, unknownFields: [] };
}
