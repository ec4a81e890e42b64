// ConfigMaps and Secrets through admission: defaulting, validation and printing as upstream's.

import { describe, expect, it } from 'vitest';
import type { Secret } from '../../core/config-objects.ts';
import type { KsimEvent } from '../../core/events.ts';
import { kindDefinition } from '../../kinds/registry.ts';
import { lookupObject } from '../../reducers/lookup.ts';
import { ApiHarness } from '../support/api-harness.ts';

function refusal(events: readonly KsimEvent[]): string {
  const event = events[0];
  return event?.type === 'request/rejected' ? `${event.code} ${event.message}` : `not refused: ${event?.type ?? 'nothing'}`;
}

const secret = (fields: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, ...fields });

describe('Secrets', () => {
  it('merges stringData into data as base64, stringData winning, and defaults the type to Opaque', () => {
    const api = new ApiHarness();
    api.apply(secret({ data: { user: 'YWRtaW4=', pass: 'b2xk' }, stringData: { pass: 's3cret' } }));
    const stored = lookupObject<Secret>(api.state, 'Secret', 'default', 's');
    expect(stored?.data).toEqual({ pass: 'czNjcmV0', user: 'YWRtaW4=' });
    expect(stored?.stringData).toBeUndefined();
    expect(stored?.type).toBe('Opaque');
  });

  it('refuses data that is not base64 with the decoder message', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(secret({ data: { key: 'not base64!' } })))).toContain('illegal base64 data at input byte 3');
  });

  it('refuses a key that is not a config key', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(secret({ stringData: { 'bad key': 'x' } })))).toBe(
      `422 Secret "s" is invalid: data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    );
  });

  it('requires the keys of a TLS secret', () => {
    const api = new ApiHarness();
    expect(refusal(api.apply(secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'c' } })))).toBe('422 Secret "s" is invalid: data[tls.key]: Required value');
  });

  it('keeps its type: an update that changes it is refused, one that leaves it out keeps it', () => {
    const api = new ApiHarness();
    api.apply(secret({ type: 'example.com/token', stringData: { a: 'b' } }));
    expect(refusal(api.apply(secret({ type: 'Opaque', data: { a: 'Yg==' } })))).toBe('422 Secret "s" is invalid: type: Invalid value: "Opaque": field is immutable');
    api.apply(secret({ data: { a: 'Yw==' } }));
    expect(lookupObject<Secret>(api.state, 'Secret', 'default', 's')?.type).toBe('example.com/token');
  });

  it('refuses a change of data once immutable', () => {
    const api = new ApiHarness();
    api.apply(secret({ immutable: true, data: { a: 'Yg==' } }));
    expect(refusal(api.apply(secret({ immutable: true, data: { a: 'Yw==' } })))).toBe('422 Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set');
  });

  it('prints NAME TYPE DATA AGE', () => {
    const definition = kindDefinition<Secret>('Secret');
    const stored = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', creationTimestamp: '2025-01-01T00:00:00Z' }, type: 'Opaque', data: { a: 'Yg==', b: 'Yw==' } } as unknown as Secret;
    expect(definition?.printer.headers(false)).toEqual(['NAME', 'TYPE', 'DATA', 'AGE']);
    expect(definition?.printer.row(stored, false, { state: new ApiHarness().state, nowMs: 60_000 })).toEqual(['s', 'Opaque', '2', '60s']);
  });
});

describe('ConfigMaps', () => {
  it('refuses a key present in both data and binaryData', () => {
    const api = new ApiHarness();
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'x' }, binaryData: { a: 'eA==' } };
    expect(refusal(api.apply(manifest))).toBe('422 ConfigMap "c" is invalid: binaryData[a]: Invalid value: "a": duplicate of key present in data');
  });

  it("refuses a key that climbs out of the volume ('..')", () => {
    const api = new ApiHarness();
    expect(refusal(api.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { '..data': 'x' } }))).toBe(
      `422 ConfigMap "c" is invalid: data[..data]: Invalid value: "..data": must not start with '..'`,
    );
  });
});
