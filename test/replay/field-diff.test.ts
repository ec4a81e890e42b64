import { describe, expect, it } from 'vitest';
import { applyFieldChanges } from '../../replay/apply-field-changes.ts';
import { formatDiffPath } from '../../replay/diff-path.ts';
import { diffFields, type FieldChange } from '../../replay/field-diff.ts';

/** Each change as "path: old -> new", the shape the CLI prints, to keep expectations short. */
function lines(changes: readonly FieldChange[]): string[] {
  return changes.map((change) => {
    const path = formatDiffPath(change.path);
    switch (change.op) {
      case 'add':
        return `+ ${path}: ${JSON.stringify(change.new)}`;
      case 'remove':
        return `- ${path}: ${JSON.stringify(change.old)}`;
      case 'change':
        return `~ ${path}: ${JSON.stringify(change.old)} -> ${JSON.stringify(change.new)}`;
      case 'reorder':
        return `~ ${path}: order ${change.old.join(',')} -> ${change.new.join(',')}`;
    }
  });
}

const deployment = {
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          { name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }], env: [{ name: 'MODE', value: 'fast' }] },
          { name: 'log', image: 'fluentd:1' },
        ],
        tolerations: [{ key: 'a', operator: 'Exists' }],
      },
    },
  },
  status: { conditions: [{ type: 'Available', status: 'True' }, { type: 'Progressing', status: 'True' }] },
};

function edited(edit: (copy: typeof deployment) => void): typeof deployment {
  const copy = structuredClone(deployment);
  edit(copy);
  return copy;
}

describe('diffFields', () => {
  it('reports a changed scalar and a changed map value by path', () => {
    const after = edited((d) => {
      d.spec.replicas = 5;
      d.metadata.labels.app = 'api';
    });
    expect(lines(diffFields(deployment, after))).toEqual(['~ metadata.labels.app: "web" -> "api"', '~ spec.replicas: 3 -> 5']);
  });

  it('quotes map keys that hold dots or slashes', () => {
    const after = edited((d) => {
      d.metadata.annotations['deployment.kubernetes.io/revision'] = '2';
    });
    expect(lines(diffFields(deployment, after))).toEqual([`~ metadata.annotations['deployment.kubernetes.io/revision']: "1" -> "2"`]);
  });

  it('reports fields added and removed', () => {
    const after = edited((d) => {
      (d.spec as Record<string, unknown>).paused = true;
      delete (d.metadata as Record<string, unknown>).labels;
    });
    expect(lines(diffFields(deployment, after))).toEqual(['- metadata.labels: {"app":"web"}', '+ spec.paused: true']);
  });

  it('names containers, env entries, ports and conditions by their merge keys, not by index', () => {
    const after = edited((d) => {
      const app = d.spec.template.spec.containers[0] as { image: string; env: object[]; ports: object[] };
      app.image = 'nginx:1.28';
      app.env[0] = { name: 'MODE', value: 'slow' };
      app.ports[0] = { containerPort: 80, name: 'http' };
      (d.status.conditions[1] as { status: string }).status = 'False';
    });
    expect(lines(diffFields(deployment, after))).toEqual([
      '~ spec.template.spec.containers[name=app].image: "nginx:1.27" -> "nginx:1.28"',
      '+ spec.template.spec.containers[name=app].ports[containerPort=80].name: "http"',
      '~ spec.template.spec.containers[name=app].env[name=MODE].value: "fast" -> "slow"',
      '~ status.conditions[type=Progressing].status: "True" -> "False"',
    ]);
  });

  it('tells a container inserted before another as one container added', () => {
    const sidecar = { name: 'proxy', image: 'envoy:1' };
    const after = edited((d) => {
      d.spec.template.spec.containers.unshift(sidecar as (typeof d.spec.template.spec.containers)[0]);
    });
    expect(lines(diffFields(deployment, after))).toEqual([
      `+ spec.template.spec.containers[name=proxy]: ${JSON.stringify(sidecar)}`,
      '~ spec.template.spec.containers: order app,log -> proxy,app,log',
    ]);
  });

  it('tells a removed condition by its type', () => {
    const after = edited((d) => {
      d.status.conditions.shift();
    });
    expect(lines(diffFields(deployment, after))).toEqual(['- status.conditions[type=Available]: {"type":"Available","status":"True"}']);
  });

  it('compares lists without a merge key index by index', () => {
    const after = edited((d) => {
      d.spec.template.spec.tolerations = [{ key: 'b', operator: 'Exists' }, { key: 'c', operator: 'Exists' }];
    });
    expect(lines(diffFields(deployment, after))).toEqual([
      '~ spec.template.spec.tolerations[0].key: "a" -> "b"',
      '+ spec.template.spec.tolerations[1]: {"key":"c","operator":"Exists"}',
    ]);
  });

  it('falls back to indexes when two items share a name', () => {
    const before = { env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] };
    const after = { env: [{ name: 'A', value: '1' }, { name: 'A', value: '3' }] };
    expect(lines(diffFields(before, after))).toEqual(['~ env[1].value: "2" -> "3"']);
  });

  it('reports nothing for equal objects, fields holding undefined counting as absent', () => {
    expect(diffFields(deployment, { ...structuredClone(deployment), extra: undefined })).toEqual([]);
  });

  it('rebuilds the new object when its changes are applied to the old one', () => {
    const after = edited((d) => {
      d.spec.template.spec.containers.reverse();
      d.spec.template.spec.containers.push({ name: 'new', image: 'x' } as (typeof d.spec.template.spec.containers)[0]);
      d.spec.template.spec.tolerations = [];
      d.status.conditions = [{ type: 'Ready', status: 'True' }];
      delete (d.metadata as Record<string, unknown>).annotations;
    });
    expect(applyFieldChanges(deployment, diffFields(deployment, after))).toEqual(after);
  });
});
