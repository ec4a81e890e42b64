// `kubectl describe controllerrevision`: kubectl has no describer for the kind, so its generic
// describer prints it. Upstream's TestDescribeUnstructuredContent
// (staging/src/k8s.io/kubectl/pkg/describe/describe_test.go) checks the field printing; then the
// whole page of a StatefulSet's revision.

import { describe, expect, it } from 'vitest';
import type { ControllerRevision } from '../../../core/workloads.ts';
import { describeControllerRevision } from '../../../kinds/describe/controllerrevision.ts';
import type { DescribeWriter } from '../../../kinds/describe/describe-writer.ts';
import { camelCaseSplit, printUnstructuredContent, smartLabelFor } from '../../../kinds/describe/unstructured.ts';
import { lines, page, stateWith } from './builders.ts';

/** The lines as written, before the tab writer aligns them, as upstream's test reads its buffer. */
function rawWriter(): { w: DescribeWriter; text: () => string } {
  const written: string[] = [];
  const w = { line: (level: number, text: string) => written.push(`${'  '.repeat(level)}${text}\n`) } as unknown as DescribeWriter;
  return { w, text: () => written.join('') };
}

describe('printUnstructuredContent (upstream TestDescribeUnstructuredContent)', () => {
  const object = {
    apiVersion: 'v1',
    kind: 'Test',
    dummyDummy: 'present',
    'dummy/dummy': 'present',
    'dummy-dummy@dummy': 'present',
    'dummy-dummy': 'present',
    dummy1: 'present',
    dummy2: 'present',
    metadata: {
      name: 'MyName',
      namespace: 'MyNamespace',
      creationTimestamp: '2017-04-01T00:00:00Z',
      resourceVersion: 123,
      uid: '00000000-0000-0000-0000-000000000001',
      dummy3: 'present',
    },
    items: [{ itemBool: true, itemInt: 42 }],
    url: 'http://localhost',
    status: 'ok',
  };
  const { w, text } = rawWriter();
  printUnstructuredContent(w, 0, object, '', ['.dummy1', '.metadata.dummy3']);
  const output = text();

  it('prints every field sorted, with smart labels, nested maps and list items a level down', () => {
    expect(output).toContain(`API Version:\tv1
Dummy - Dummy:\tpresent
dummy-dummy@dummy:\tpresent
dummy/dummy:\tpresent
dummy2:\tpresent
Dummy Dummy:\tpresent
Items:
  Item Bool:\ttrue
  Item Int:\t42
Kind:\tTest
Metadata:
  Creation Timestamp:\t2017-04-01T00:00:00Z
  Name:\tMyName
  Namespace:\tMyNamespace
  Resource Version:\t123
  UID:\t00000000-0000-0000-0000-000000000001
Status:\tok
URL:\thttp://localhost
`);
  });

  for (const unexpected of ['\nDummy 1:\tpresent\n', 'Dummy 1', 'Dummy 3', 'Dummy3', 'dummy3', 'dummy 3']) {
    it(`skips the fields it is told to (${JSON.stringify(unexpected)})`, () => {
      expect(output).not.toContain(unexpected);
    });
  }
});

describe('smartLabelFor', () => {
  it('splits camel case as fatih/camelcase does, an upper-case run giving its last letter to the word after it', () => {
    expect(camelCaseSplit('APIVersion')).toEqual(['API', 'Version']);
    expect(smartLabelFor('APIVersion')).toBe('API Version');
    expect(smartLabelFor('podIPs')).toBe('Pod I Ps');
    expect(smartLabelFor('$patch')).toBe('$patch');
  });
});

describe('describeControllerRevision', () => {
  const revision: ControllerRevision = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: 'web-6b7f8c9d5',
      namespace: 'foo',
      uid: 'uid-rev',
      creationTimestamp: '2025-01-01T00:00:00Z',
      resourceVersion: '12',
      labels: { app: 'web', 'controller.kubernetes.io/hash': '6b7f8c9d5' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'uid-web', controller: true, blockOwnerDeletion: true }],
    },
    data: {
      spec: {
        template: {
          $patch: 'replace',
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
        },
      },
    },
    revision: 1,
  };

  it('prints the revision as the generic describer does, its data field by field', () => {
    expect(page((w) => describeControllerRevision(w, revision, { state: stateWith(revision), nowMs: 0 }))).toBe(
      lines(
        'Name:         web-6b7f8c9d5',
        'Namespace:    foo',
        'Labels:       app=web',
        '              controller.kubernetes.io/hash=6b7f8c9d5',
        'Annotations:  <none>',
        'API Version:  apps/v1',
        'Data:',
        '  Spec:',
        '    Template:',
        '      $patch:  replace',
        '      Metadata:',
        '        Labels:',
        '          App:  web',
        '      Spec:',
        '        Containers:',
        '          Image:  nginx:1.27',
        '          Name:   nginx',
        '          Ports:',
        '            Container Port:  80',
        '            Protocol:        TCP',
        // The tab writer's column runs on from the ports into Kind.
        'Kind:                        ControllerRevision',
        'Metadata:',
        '  Creation Timestamp:  2025-01-01T00:00:00Z',
        '  Owner References:',
        '    API Version:           apps/v1',
        '    Block Owner Deletion:  true',
        '    Controller:            true',
        '    Kind:                  StatefulSet',
        '    Name:                  web',
        '    UID:                   uid-web',
        '  Resource Version:        12',
        '  UID:                     uid-rev',
        'Revision:                  1',
        'Events:                    <none>',
      ),
    );
  });
});
