import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../apiserver/decode/decode-body.ts';
import { QUANTITY_FORMAT_ERROR } from '../../../apiserver/decode/go-scalars.ts';
import { allKinds, kindDefinition } from '../../../kinds/registry.ts';

const fields = (kind: string) => {
  const definition = kindDefinition(kind);
  if (definition === undefined) throw new Error(kind);
  return definition.fields;
};

const deployment = (spec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec });
const template = (container: Record<string, unknown>) => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx', ...container }] } });

describe('decoding a body against the Go types', () => {
  it('names the struct, the field path without indexes and the Go type, as encoding/json does', () => {
    expect(decodeBody(fields('Deployment'), deployment({ replicas: 'three' })).error).toBe('json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(decodeBody(fields('Deployment'), deployment({ template: template({ image: 5 }) })).error).toBe(
      'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string',
    );
    expect(decodeBody(fields('Deployment'), deployment({ template: { spec: { containers: {} } } })).error).toBe(
      'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
    );
    expect(decodeBody(fields('Pod'), { kind: 'Pod', metadata: { name: 'p', labels: { tier: 1 } } }).error).toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
    expect(decodeBody(fields('Pod'), { kind: 'Pod', metadata: { ownerReferences: 5 } }).error).toBe(
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.ownerReferences of type []v1.OwnerReference',
    );
    expect(decodeBody(fields('Pod'), { kind: 'Pod', spec: { restartPolicy: true } }).error).toBe('json: cannot unmarshal bool into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy');
    expect(decodeBody(fields('Deployment'), { ...deployment({}), spec: [] }).error).toBe('json: cannot unmarshal array into Go struct field Deployment.spec of type v1.DeploymentSpec');
  });

  it('names the number that does not fit an integer field', () => {
    expect(decodeBody(fields('Deployment'), deployment({ replicas: 1.5 })).error).toBe('json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(decodeBody(fields('Deployment'), deployment({ replicas: 2 ** 31 })).error).toBe('json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32');
    expect(decodeBody(fields('Deployment'), deployment({ replicas: 2 ** 31 - 1 })).error).toBeUndefined();
  });

  it("gives a custom unmarshaler's error without context, and it wins over an earlier mismatch", () => {
    const badQuantity = template({ resources: { requests: { cpu: true } } });
    expect(decodeBody(fields('Deployment'), deployment({ template: badQuantity })).error).toBe(QUANTITY_FORMAT_ERROR);
    expect(decodeBody(fields('Deployment'), deployment({ minReadySeconds: 'x', template: badQuantity })).error).toBe(QUANTITY_FORMAT_ERROR);
    expect(decodeBody(fields('Deployment'), deployment({ strategy: { rollingUpdate: { maxSurge: 1.5 } } })).error).toBe('json: cannot unmarshal number 1.5 into Go value of type int32');
    expect(decodeBody(fields('Pod'), { kind: 'Pod', metadata: { creationTimestamp: 7 } }).error).toBe('json: cannot unmarshal number into Go value of type string');
    expect(decodeBody(fields('Pod'), { kind: 'Pod', metadata: { deletionTimestamp: 'yesterday' } }).error).toBe(
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    );
  });

  it('reports the first mismatch in key order, as kubectl sends the keys sorted', () => {
    expect(decodeBody(fields('Deployment'), deployment({ replicas: 'x', minReadySeconds: 'y' })).error).toContain('spec.minReadySeconds');
  });

  it('refuses a Secret whose data is not base64, the classic data-for-stringData slip', () => {
    const secret = (data: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
    expect(decodeBody(fields('Secret'), secret({ password: 'hunter2!' })).error).toBe('illegal base64 data at input byte 7');
    expect(decodeBody(fields('Secret'), secret({ password: 'aHVudGVyMg==' })).error).toBeUndefined();
  });

  it('lists unknown fields with their full path, list indexes and map keys included, and drops them', () => {
    const decoded = decodeBody(fields('Deployment'), { ...deployment({ replica: 3, template: template({ imag: 'x' }) }), extra: true });
    expect(decoded.unknownFields).toEqual(['extra', 'spec.replica', 'spec.template.spec.containers[0].imag']);
    expect(decoded.object).toEqual(deployment({ template: template({}) }));
    const secret = decodeBody(fields('ConfigMap'), { kind: 'ConfigMap', metadata: { name: 'c', lables: {} }, data: { 'any.key': 'v' } });
    expect(secret.unknownFields).toEqual(['metadata.lables']);
  });

  it('is case-sensitive, as the API server decodes', () => {
    expect(decodeBody(fields('Deployment'), deployment({ Replicas: 3 })).unknownFields).toEqual(['spec.Replicas']);
  });

  it('drops null fields and reads a null list element as its zero value', () => {
    const decoded = decodeBody(fields('Pod'), { kind: 'Pod', metadata: { name: 'p', creationTimestamp: null }, spec: { nodeName: null, containers: [{ name: 'a', image: 'i', args: [null] }] } });
    expect(decoded.object).toEqual({ kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'i', args: [''] }] } });
  });

  it('keeps free-form maps and raw JSON whole', () => {
    const revision = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r', annotations: { 'a.b/c': 'd' } }, revision: 1, data: { spec: { anything: [1, { x: null }] } } };
    expect(decodeBody(fields('ControllerRevision'), revision)).toEqual({ object: revision, unknownFields: [] });
  });

  it('declares every kind of the registry, by its own name, with apiVersion, kind and metadata', () => {
    for (const definition of allKinds()) {
      expect(definition.fields.name).toBe(definition.kind);
      expect(Object.keys(definition.fields.fields).slice(0, 3)).toEqual(['kind', 'apiVersion', 'metadata']);
    }
  });
});
