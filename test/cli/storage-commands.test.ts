// `ksim get pv`, `get pvc`, `get sc` and `describe` of a volume and a class, read from the logs of
// the storage examples, in kubectl v1.34's columns.

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeCommand } from '../../cli/describe-command.ts';
import { getCommand } from '../../cli/get-command.ts';
import { loadScenarioFile } from '../../scenarios/load.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { captureIo, writeLog } from './helpers.ts';

let taskLog = '';
let statefulLog = '';

function runExample(file: string, untilMs: number): string {
  const loaded = loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', file));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const result = simulate(loaded.value.scenario, { untilMs });
  return writeLog(result.events, 'run.ndjson', untilMs);
}

beforeAll(() => {
  taskLog = runExample('persistent-volume.yaml', 20_000);
  statefulLog = runExample('statefulset-storage.yaml', 60_000);
});

function get(log: string, kind: string, output?: string): string[] {
  const io = captureIo();
  getCommand({ log, kind, ...(output === undefined ? {} : { output }) }, io);
  return io.stdout().split('\n');
}

describe('ksim get for storage', () => {
  it('prints PersistentVolumes with their claim and class', () => {
    expect(get(taskLog, 'pv')).toEqual([
      'NAME             CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
      'task-pv-volume   10Gi       RWO            Retain           Bound    default/task-pv-claim   manual         <unset>                          20s',
      '',
    ]);
  });

  it('prints claims with the bound volume\'s capacity and access modes', () => {
    expect(get(taskLog, 'pvc')).toEqual([
      'NAME            STATUS   VOLUME           CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
      'task-pv-claim   Bound    task-pv-volume   10Gi       RWO            manual         <unset>                 20s',
      '',
    ]);
  });

  it('prints StorageClasses, the default one marked', () => {
    expect(get(statefulLog, 'sc')).toEqual([
      'NAME             PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE',
      'fast (default)   example.com/fast-disk   Delete          WaitForFirstConsumer   false                  60s',
      '',
    ]);
  });

  it('adds VOLUMEMODE with -o wide', () => {
    expect(get(taskLog, 'pv', 'wide')[0]).toBe(
      'NAME             CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                   STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE   VOLUMEMODE',
    );
  });
});

describe('ksim describe for storage', () => {
  it('describes a PersistentVolume as kubectl does', () => {
    const io = captureIo();
    describeCommand({ log: taskLog, kind: 'pv', name: 'task-pv-volume' }, io);
    expect(io.stdout().split('\n').slice(0, 17)).toEqual([
      'Name:            task-pv-volume',
      'Labels:          type=local',
      'Annotations:     pv.kubernetes.io/bound-by-controller: yes',
      'Finalizers:      []',
      'StorageClass:    manual',
      'Status:          Bound',
      'Claim:           default/task-pv-claim',
      'Reclaim Policy:  Retain',
      'Access Modes:    RWO',
      'VolumeMode:      Filesystem',
      'Capacity:        10Gi',
      'Node Affinity:   <none>',
      'Message:         ',
      'Source:',
      '    Type:          HostPath (bare host directory volume)',
      '    Path:          /mnt/data',
      '    HostPathType:  ',
    ]);
  });

  it('describes a StorageClass', () => {
    const io = captureIo();
    describeCommand({ log: statefulLog, kind: 'sc', name: 'fast' }, io);
    expect(io.stdout().split('\n').slice(0, 9)).toEqual([
      'Name:                  fast',
      'IsDefaultClass:        Yes',
      'Annotations:           storageclass.kubernetes.io/is-default-class=true',
      'Provisioner:           example.com/fast-disk',
      'Parameters:            <none>',
      'AllowVolumeExpansion:  <unset>',
      'MountOptions:          <none>',
      'ReclaimPolicy:         Delete',
      'VolumeBindingMode:     WaitForFirstConsumer',
    ]);
  });
});
