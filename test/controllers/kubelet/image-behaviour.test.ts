import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_BEHAVIOUR,
  exitAfterMs,
  imageCatalog,
  repositoryOf,
} from '../../../controllers/kubelet/image-behaviour.ts';

describe('imageCatalog', () => {
  it('gives the built-in behaviour to every image of an empty catalog', () => {
    expect(imageCatalog()('nginx:1.25')).toEqual(BUILT_IN_BEHAVIOUR);
  });

  it('fills an entry from the default entry, then from the built-in defaults', () => {
    const images = imageCatalog({
      default: { pullMs: 1000, startMs: 1000, readyMs: 2000 },
      'batch:1.0': { runForMs: 30_000 },
    });
    expect(images('batch:1.0')).toEqual({
      pullMs: 1000,
      startMs: 1000,
      readyMs: 2000,
      runForMs: 30_000,
      exitCode: 0,
      stopMs: 0,
    });
  });

  it('uses the default entry for images it does not name', () => {
    const images = imageCatalog({ default: { readyMs: 2000 } });
    expect(images('redis:7').readyMs).toBe(2000);
  });

  it('finds an image by its repository when no entry names the tag', () => {
    const images = imageCatalog({ nginx: { readyMs: 5000 } });
    expect(images('nginx:1.25').readyMs).toBe(5000);
  });

  it('prefers the entry for the full reference over the repository', () => {
    const images = imageCatalog({ nginx: { readyMs: 5000 }, 'nginx:1.25': { readyMs: 7000 } });
    expect(images('nginx:1.25').readyMs).toBe(7000);
  });

  it('makes a crashing image exit 1 unless an exit code is given', () => {
    const images = imageCatalog({
      'crashy:1.0': { crashAfterMs: 10_000 },
      'quiet:1.0': { crashAfterMs: 10_000, exitCode: 0 },
    });
    expect([images('crashy:1.0').exitCode, images('quiet:1.0').exitCode]).toEqual([1, 0]);
  });

  it('does not mistake inherited object properties for entries', () => {
    expect(imageCatalog({})('constructor')).toEqual(BUILT_IN_BEHAVIOUR);
  });
});

describe('repositoryOf', () => {
  it.each([
    ['nginx:1.25', 'nginx'],
    ['nginx', 'nginx'],
    ['registry:5000/team/app:1.0', 'registry:5000/team/app'],
    ['registry:5000/team/app', 'registry:5000/team/app'],
    ['app@sha256:abc', 'app'],
  ])('%s is in repository %s', (image, repository) => {
    expect(repositoryOf(image)).toBe(repository);
  });
});

describe('exitAfterMs', () => {
  it('is the earlier of runFor and crashAfter', () => {
    expect(exitAfterMs({ ...BUILT_IN_BEHAVIOUR, runForMs: 30_000, crashAfterMs: 10_000 })).toBe(10_000);
  });

  it('is undefined for a service that runs until stopped', () => {
    expect(exitAfterMs(BUILT_IN_BEHAVIOUR)).toBeUndefined();
  });
});
