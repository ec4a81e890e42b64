import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type GetOptions, getCommand } from '../../cli/get-command.ts';
import { CliError } from '../../cli/io.ts';
import { captureIo, writeLog } from './helpers.ts';
import { clusterEvents } from './fixture.ts';

let log = '';

beforeAll(() => {
  log = writeLog(clusterEvents());
});

function get(options: Omit<GetOptions, 'log'>): { stdout: string; stderr: string; code: number } {
  const io = captureIo();
  const code = getCommand({ log, ...options }, io);
  return { stdout: io.stdout(), stderr: io.stderr(), code };
}

function lines(...rows: string[]): string {
  return rows.map((row) => `${row}\n`).join('');
}

describe('ksim get tables', () => {
  it('prints pods as kubectl does, with each status kubectl computes', () => {
    expect(get({ kind: 'pods' }).stdout).toBe(
      lines(
        'NAME           READY   STATUS              RESTARTS      AGE',
        'job-done       0/1     Completed           0             10m',
        'job-failed     0/1     Error               0             10m',
        'web-crash      0/1     CrashLoopBackOff    3 (45s ago)   10m',
        'web-creating   0/1     ContainerCreating   0             30s',
        'web-leaving    1/1     Terminating         0             10m',
        'web-pending    0/1     Pending             0             10m',
        'web-running    1/1     Running             0             10m',
      ),
    );
  });

  it('adds IP, node, nominated node and readiness gates with -o wide', () => {
    const output = get({ kind: 'po', output: 'wide', selector: 'app=web' }).stdout;
    expect(output.split('\n')[0]).toBe(
      'NAME           READY   STATUS              RESTARTS      AGE   IP           NODE     NOMINATED NODE   READINESS GATES',
    );
    expect(output.split('\n')[4]).toBe(
      'web-pending    0/1     Pending             0             10m   <none>       <none>   <none>           <none>',
    );
  });

  it('adds a NAMESPACE column across all namespaces', () => {
    const output = get({ kind: 'pod', allNamespaces: true }).stdout.split('\n');
    expect(output[0]).toBe('NAMESPACE     NAME           READY   STATUS              RESTARTS      AGE');
    expect(output[8]).toBe('kube-system   coredns        1/1     Running             0             10m');
  });

  it('looks in the namespace given with -n', () => {
    expect(get({ kind: 'pods', namespace: 'kube-system' }).stdout).toBe(
      lines('NAME      READY   STATUS    RESTARTS   AGE', 'coredns   1/1     Running   0          10m'),
    );
  });

  it('prints replicasets with desired, current and ready counts', () => {
    expect(get({ kind: 'rs' }).stdout).toBe(
      lines('NAME   DESIRED   CURRENT   READY   AGE', 'web    3         3         1       10m'),
    );
  });

  it('adds containers, images and selector to replicasets with -o wide', () => {
    expect(get({ kind: 'replicaset', output: 'wide' }).stdout).toBe(
      lines(
        'NAME   DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR',
        'web    3         3         1       10m   web          nginx:1.27   app=web',
      ),
    );
  });

  it('prints node readiness, cordons and roles', () => {
    expect(get({ kind: 'nodes' }).stdout).toBe(
      lines(
        'NAME     STATUS                     ROLES           AGE   VERSION',
        'node-1   Ready                      control-plane   10m   v1.33.0',
        'node-2   Ready,SchedulingDisabled   <none>          10m   v1.33.0',
        'node-3   NotReady                   <none>          10m   v1.33.0',
      ),
    );
  });

  it('adds addresses and system information to nodes with -o wide', () => {
    expect(get({ kind: 'no', name: 'node-3', output: 'wide' }).stdout).toBe(
      lines(
        'NAME     STATUS     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE           KERNEL-VERSION     CONTAINER-RUNTIME',
        'node-3   NotReady   <none>   10m   v1.33.0   10.0.0.3      <none>        Ubuntu 24.04 LTS   6.8.0-45-generic   containerd://2.0.0',
      ),
    );
  });

  it('prints namespaces with their phase, without a NAMESPACE column even with -A', () => {
    expect(get({ kind: 'ns', allNamespaces: true }).stdout).toBe(
      lines('NAME          STATUS   AGE', 'default       Active   10m', 'kube-system   Active   10m'),
    );
  });

  it('prints a ConfigMap with its count of keys, as printConfigMap does', () => {
    expect(get({ kind: 'configmaps' }).stdout).toBe(lines('NAME       DATA   AGE', 'settings   1      10m'));
  });

  it('filters by label selector', () => {
    expect(get({ kind: 'pods', selector: 'app in (job)' }).stdout).toBe(
      lines(
        'NAME         READY   STATUS      RESTARTS   AGE',
        'job-done     0/1     Completed   0          10m',
        'job-failed   0/1     Error       0          10m',
      ),
    );
  });

  it('shows the cluster at a revision', () => {
    expect(get({ kind: 'pods', at: '9' }).stdout).toBe(
      lines(
        'NAME          READY   STATUS    RESTARTS   AGE',
        'web-running   1/1     Running   0          0s',
      ),
    );
  });

  it('shows the cluster at a time, with ages measured from that time', () => {
    const output = get({ kind: 'pods', time: '9m40s', selector: 'app=web' }).stdout;
    expect(output).toContain('web-creating   0/1     ContainerCreating   0             10s');
    expect(output).toContain('web-leaving    1/1     Running             0             9m40s');
  });

  it('says in which namespace it found nothing, on stderr', () => {
    expect(get({ kind: 'pods', namespace: 'empty' })).toEqual({
      stdout: '',
      stderr: 'No resources found in empty namespace.\n',
      code: 0,
    });
  });

  it('says it found nothing, without a namespace, across all namespaces', () => {
    expect(get({ kind: 'secrets', allNamespaces: true }).stderr).toBe('No resources found\n');
  });
});

describe('ksim get of several kinds', () => {
  it('prints `all` as kubectl does: a table per kind that has objects, rows named kind.group/name', () => {
    const { stdout } = get({ kind: 'all' });
    const tables = stdout.split('\n\n');
    expect(tables.map((table) => table.split('\n')[1]?.split(' ')[0])).toEqual(['pod/job-done', 'replicaset.apps/web']);
    expect(stdout).not.toContain('settings');
  });

  it('prints the kinds of a comma list, and refuses a name with several kinds', () => {
    const { stdout } = get({ kind: 'rs,cm' });
    expect(stdout).toMatch(/^NAME +DESIRED +CURRENT +READY +AGE\nreplicaset\.apps\/web +3 +3 +1 +10m\n\nNAME +DATA +AGE\nconfigmap\/settings +1 +10m\n$/);
    expect(() => get({ kind: 'rs,cm', name: 'web' })).toThrow(CliError);
  });
});

describe('ksim get -o json and -o yaml', () => {
  it('wraps a listing in a v1 List with sorted keys and four-space indentation', () => {
    const output = get({ kind: 'rs', output: 'json' }).stdout;
    const parsed = JSON.parse(output);
    expect(Object.keys(parsed)).toEqual(['apiVersion', 'items', 'kind', 'metadata']);
    expect(parsed).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(parsed.items.map((item: { metadata: { name: string } }) => item.metadata.name)).toEqual(['web']);
    expect(
      output.startsWith(
        '{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "apiVersion": "apps/v1",',
      ),
    ).toBe(true);
  });

  it('prints one object alone when named', () => {
    const parsed = JSON.parse(get({ kind: 'pods', name: 'web-running', output: 'json' }).stdout);
    expect(parsed).toMatchObject({ kind: 'Pod', metadata: { name: 'web-running', namespace: 'default' } });
  });

  it('prints an empty List rather than a notice', () => {
    expect(JSON.parse(get({ kind: 'secrets', output: 'json' }).stdout)).toEqual({
      apiVersion: 'v1',
      items: [],
      kind: 'List',
      metadata: { resourceVersion: '' },
    });
  });

  it('prints YAML as kubectl does: sorted keys, unindented sequences, ambiguous strings quoted', () => {
    const output = get({ kind: 'ns', name: 'default', output: 'yaml' }).stdout;
    expect(output).toBe(
      lines(
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  creationTimestamp: "2025-01-01T00:00:00Z"',
        '  labels:',
        '    kubernetes.io/metadata.name: default',
        '  name: default',
        '  resourceVersion: "1"',
        '  uid: uid-ns-default',
        'spec:',
        '  finalizers:',
        '  - kubernetes',
        'status:',
        '  phase: Active',
      ),
    );
  });

  it('wraps a YAML listing in a List too', () => {
    expect(parse(get({ kind: 'nodes', output: 'yaml' }).stdout)).toMatchObject({
      apiVersion: 'v1',
      kind: 'List',
      items: [{}, {}, {}],
    });
  });
});

describe('ksim get errors', () => {
  it('refuses an unknown kind with kubectl words', () => {
    expect(() => get({ kind: 'widgets' })).toThrow(
      new CliError('the server doesn\'t have a resource type "widgets"'),
    );
  });

  it('reports a missing object with exit code 1', () => {
    expect(() => get({ kind: 'pods', name: 'nope' })).toThrow(
      expect.objectContaining({ message: 'pods "nope" not found', exitCode: 1 }),
    );
  });

  it('names the API group of a missing object of a grouped kind', () => {
    expect(() => get({ kind: 'rs', name: 'nope' })).toThrow('replicasets.apps "nope" not found');
  });

  it('refuses an unknown output format', () => {
    expect(() => get({ kind: 'pods', output: 'xml' })).toThrow(
      'unable to match a printer suitable for the output format "xml", allowed formats are: wide,json,yaml',
    );
  });

  it('refuses a revision past the end of the log', () => {
    expect(() => get({ kind: 'pods', at: '999' })).toThrow(
      '--at 999 is past the end of the log (the last revision is 21)',
    );
  });

  it('refuses a missing log file', () => {
    const io = captureIo();
    expect(() => getCommand({ kind: 'pods', log: '/nonexistent/run.ndjson' }, io)).toThrow(
      '/nonexistent/run.ndjson: no such file or directory',
    );
  });

  it('refuses a name together with a selector', () => {
    expect(() => get({ kind: 'pods', name: 'web', selector: 'app=web' })).toThrow(
      'name cannot be provided when a selector is specified',
    );
  });
});
