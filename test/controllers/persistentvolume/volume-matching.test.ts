// findBestMatchForClaim against upstream's index_test.go (TestMatchVolume,
// TestMatchingWithBoundVolumes, TestFindingVolumeWithDifferentAccessModes, TestVolumeModeCheck,
// and FindMatchingVolume's scheduler path with node affinity), with their volumes and figures.

import { describe, expect, it } from 'vitest';
import { findBestMatchForClaim } from '../../../controllers/common/volume-matching.ts';
import { claim, upstreamTestVolumes, volume } from './builders.ts';

const ALL = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];

function match(volumes: ReturnType<typeof upstreamTestVolumes>, wanted: ReturnType<typeof claim>, node?: { name: string; labels: Record<string, string> }, excluded?: Set<string>) {
  return findBestMatchForClaim(volumes, { claim: wanted, delayBinding: false, ...(node === undefined ? {} : { node }), ...(excluded === undefined ? {} : { excluded }) })?.metadata.name;
}

describe('findBestMatchForClaim: TestMatchVolume', () => {
  const volumes = upstreamTestVolumes();
  const cases: [string, ReturnType<typeof claim>, string | undefined][] = [
    ['successful-match-gce-10', claim('8G'), 'gce-pd-10'],
    ['successful-match-nfs-5', claim('5G', { modes: ['ReadOnlyMany', 'ReadWriteOnce', 'ReadWriteMany'] }), 'nfs-5'],
    ['successful-skip-1g-bound-volume', claim('1G'), 'gce-pd-5'],
    ['successful-no-match', claim('999G'), undefined],
    ['successful-no-match-due-to-label', claim('999G', { selector: { 'should-not-exist': 'true' } }), undefined],
    ['successful-no-match-due-to-size-constraint-with-label-selector', claim('20000G', { selector: { 'should-exist': 'true' }, modes: ['ReadOnlyMany', 'ReadWriteOnce'] }), undefined],
    ['successful-match-due-with-constraint-and-label-selector', claim('20000G', { selector: { 'should-exist': 'true' }, modes: ['ReadWriteOnce'] }), 'gce-pd-2'],
    ['successful-match-with-class', claim('1G', { selector: { 'should-exist': 'true' }, modes: ['ReadWriteOnce'], className: 'silver' }), 'gce-pd-silver1'],
    ['successful-match-with-class-and-labels', claim('1G', { modes: ['ReadWriteOnce'], className: 'silver' }), 'gce-pd-silver2'],
    ['successful-match-very-large', claim('1E', { modes: ['ReadWriteOnce'], className: 'large' }), 'local-pd-very-large'],
    ['successful-match-exact-extremely-large', claim('800E', { modes: ['ReadWriteOnce'], className: 'large' }), 'local-pd-extremely-large'],
    ['successful-no-match-way-too-large', claim('950E', { modes: ['ReadWriteOnce'], className: 'large' }), undefined],
  ];
  for (const [name, wanted, expected] of cases) {
    it(name, () => expect(match(volumes, wanted)).toBe(expected));
  }
});

describe('findBestMatchForClaim: binding rules', () => {
  it('skips a volume bound to another claim (TestMatchingWithBoundVolumes)', () => {
    const volumes = [volume('gce001', '1G', { claimRef: { uid: 'abc123' }, phase: 'Bound' }), volume('gce002', '1G', { phase: 'Available' })];
    expect(match(volumes, claim('1G', { modes: ['ReadOnlyMany', 'ReadWriteOnce'] }))).toBe('gce002');
  });

  it('prefers the volume with the fewest access modes that cover the claim (TestFindingVolumeWithDifferentAccessModes)', () => {
    const gce = volume('gce', '10G', { phase: 'Available' });
    const ebs = volume('ebs', '10G', { modes: ['ReadWriteOnce'], phase: 'Available' });
    const nfs = volume('nfs', '10G', { modes: ALL, phase: 'Available' });
    expect(match([gce, ebs, nfs], claim('1G', { modes: ['ReadWriteOnce'] }))).toBe('ebs');
    expect(match([gce, ebs, nfs], claim('1G', { modes: ['ReadWriteOnce', 'ReadOnlyMany'] }))).toBe('gce');
    expect(match([gce, ebs, nfs], claim('1G', { modes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany'] }))).toBe('nfs');
    expect(match([gce, ebs, nfs], claim('1G', { modes: ['ReadWriteMany'] }))).toBe('nfs');
    const ebsTaken = volume('ebs', '10G', { modes: ['ReadWriteOnce'], claimRef: {}, phase: 'Available' });
    expect(match([gce, ebsTaken, nfs], claim('1G', { modes: ['ReadWriteOnce'] }))).toBe('gce');
    const gceTaken = volume('gce', '10G', { claimRef: {}, phase: 'Available' });
    expect(match([gceTaken, ebsTaken, nfs], claim('1G', { modes: ['ReadWriteOnce'] }))).toBe('nfs');
    expect(match([gce, ebsTaken, nfs], claim('1G', { modes: ['ReadOnlyMany'] }))).toBe('gce');
  });

  it('takes a volume pre-bound to the claim by name, even when a smaller one fits', () => {
    const volumes = [volume('small', '1G', { phase: 'Available' }), volume('reserved', '10G', { claimRef: { name: 'claim01', namespace: 'myns' }, phase: 'Available' })];
    expect(match(volumes, claim('1G'))).toBe('reserved');
  });

  it('matches volume modes as TestVolumeModeCheck: an unset mode is Filesystem', () => {
    const block = volume('block', '10G', { modes: ['ReadWriteOnce'], volumeMode: 'Block', phase: 'Available' });
    const unset = volume('unset', '10G', { modes: ['ReadWriteOnce'], phase: 'Available' });
    expect(match([block], claim('8G', { modes: ['ReadWriteOnce'], volumeMode: 'Block' }))).toBe('block');
    expect(match([block], claim('8G', { modes: ['ReadWriteOnce'] }))).toBeUndefined();
    expect(match([unset], claim('8G', { modes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }))).toBe('unset');
    expect(match([unset], claim('8G', { modes: ['ReadWriteOnce'], volumeMode: 'Block' }))).toBeUndefined();
  });

  it('leaves a WaitForFirstConsumer claim to the scheduler on the PV controller path', () => {
    const volumes = upstreamTestVolumes();
    expect(findBestMatchForClaim(volumes, { claim: claim('100G', { className: 'wait' }), delayBinding: true })).toBeUndefined();
  });
});

describe('findBestMatchForClaim: the scheduler path (a node)', () => {
  const volumes = upstreamTestVolumes();
  const node = (value: string) => ({ name: 'node1', labels: { key1: value } });
  const waiting = (name = 'claim01') => claim('100G', { className: 'wait', name });

  it('takes the smallest Available volume whose node affinity the node meets', () => {
    expect(match(volumes, waiting(), node('value1'))).toBe('affinity-pv');
    expect(match(volumes, waiting(), node('value3'))).toBe('affinity-pv3');
  });

  it('skips volumes chosen for the pod\'s other claims', () => {
    expect(match(volumes, waiting(), node('value1'), new Set(['affinity-pv']))).toBe('affinity-pv2');
  });

  it('never takes a Pending, Failed, Released or phaseless volume', () => {
    expect(match(volumes, waiting(), node('value4'))).toBeUndefined();
  });

  it('takes the volume pre-bound to the claim only on a node it fits', () => {
    expect(match(volumes, waiting('claim02'), node('value1'))).toBe('affinity-prebound');
    expect(match(volumes, waiting('claim02'), node('value3'))).toBeUndefined();
  });
});
