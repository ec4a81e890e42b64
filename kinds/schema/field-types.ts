// The vocabulary of the field schemas: each kind's known fields as a tree of Go types, the way the
// API server's decoder sees them. A field is a scalar (with the Go type named in upstream's decode
// errors, "of type int32"), a struct of named fields, a list, or a map whose keys are free-form.
// The trees in this folder follow upstream v1.34's types.go (k8s.io/api, apimachinery's meta/v1):
// a field missing here would be dropped from a valid manifest with a warning, so keep them whole.

export type Scalar = 'string' | 'bool' | 'int32' | 'int64' | 'float64' | 'quantity' | 'intOrString' | 'time' | 'microTime' | 'duration' | 'bytes' | 'json';

export interface ScalarType {
  readonly type: 'scalar';
  readonly scalar: Scalar;
  /** reflect's name of the Go type ("string", "v1.RestartPolicy", "resource.Quantity"). */
  readonly goType: string;
}

export interface StructType {
  readonly type: 'struct';
  /** The Go struct's name, as decode errors name it ("DeploymentSpec"). */
  readonly name: string;
  readonly goType: string;
  readonly fields: Readonly<Record<string, FieldType>>;
}

export interface ListType {
  readonly type: 'list';
  readonly element: FieldType;
  readonly goType: string;
}

export interface MapType {
  readonly type: 'map';
  readonly value: FieldType;
  readonly goType: string;
}

export type FieldType = ScalarType | StructType | ListType | MapType;

const scalar = (kind: Scalar, goType: string): ScalarType => ({ type: 'scalar', scalar: kind, goType });

export const str = scalar('string', 'string');
export const bool = scalar('bool', 'bool');
export const int32 = scalar('int32', 'int32');
export const int64 = scalar('int64', 'int64');
export const float64 = scalar('float64', 'float64');
/** resource.Quantity: a string or a number in the quantity syntax. */
export const quantity = scalar('quantity', 'resource.Quantity');
/** intstr.IntOrString: an int32 or a string ("25%", a port name). */
export const intOrString = scalar('intOrString', 'intstr.IntOrString');
/** metav1.Time: an RFC 3339 timestamp. */
export const time = scalar('time', 'v1.Time');
/** metav1.MicroTime: an RFC 3339 timestamp with microseconds. */
export const microTime = scalar('microTime', 'v1.MicroTime');
/** metav1.Duration: a Go duration string ("1m30s"). */
export const duration = scalar('duration', 'v1.Duration');
/** []byte: base64 in JSON. */
export const bytes = scalar('bytes', '[]uint8');
export const uid = scalar('string', 'types.UID');

/** A value kept as JSON whatever its shape (runtime.RawExtension, FieldsV1). */
export const json = (goType: string): ScalarType => scalar('json', goType);

/** A named string type ("RestartPolicy" is v1.RestartPolicy). */
export const s = (name: string, pkg = 'v1'): ScalarType => scalar('string', `${pkg}.${name}`);

export const list = (element: FieldType, goType = `[]${element.goType}`): ListType => ({ type: 'list', element, goType });

/** A map with string keys; `goType` for named maps such as v1.ResourceList. */
export const map = (value: FieldType, goType = `map[string]${value.goType}`): MapType => ({ type: 'map', value, goType });

export const struct = (name: string, fields: Record<string, FieldType>, pkg = 'v1'): StructType => ({ type: 'struct', name, goType: `${pkg}.${name}`, fields });

/** The field of a struct, if it has one by that exact name (Go's decoder is case-sensitive here). */
export function fieldOf(type: StructType, name: string): FieldType | undefined {
  return Object.hasOwn(type.fields, name) ? type.fields[name] : undefined;
}
