// ImageLocality with the cases and figures of upstream's image_locality_test.go
// (TestImageLocalityPriority, TestNormalizedImageName).

import { describe, expect, it } from 'vitest';
import { imageLocalityScore, normalizedImageName, podImages } from '../../../controllers/scheduler/plugins/image-locality.ts';
import type { Container, ContainerImage, Node, PodSpec } from '../../../core/objects.ts';
import { makeNode, makePod, snapshotOf, stateOf } from './builders.ts';

const MB = 1024 * 1024;
const image = (sizeMb: number, ...names: string[]): ContainerImage => ({ names, sizeBytes: sizeMb * MB });
const containers = (...images: string[]): Container[] => images.map((name, index) => ({ name: `c${index}`, image: name }));

const NODE_40_300_2000 = [image(40, 'gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'), image(300, 'gcr.io/300:latest', 'gcr.io/300:v1'), image(2000, 'gcr.io/2000:latest')];
const NODE_250_10 = [image(250, 'gcr.io/250:latest'), image(10, 'gcr.io/10:latest', 'gcr.io/10:v1')];
const NODE_600_40_900 = [image(600, 'gcr.io/600:latest'), image(40, 'gcr.io/40:latest'), image(900, 'gcr.io/900:latest')];
const NODE_300_600_900 = [image(300, 'gcr.io/300:latest'), image(600, 'gcr.io/600:latest'), image(900, 'gcr.io/900:latest')];
const NODE_4000_30 = [image(4000, 'gcr.io/4000:latest'), image(30, 'gcr.io/30:latest')];
const NODE_20_30_40 = [image(20, 'gcr.io/20:latest'), image(30, 'gcr.io/30:latest'), image(40, 'gcr.io/40:latest')];

function scores(spec: Partial<PodSpec>, ...nodes: [string, ContainerImage[]][]): Record<string, number> {
  const state = stateOf(nodes.map(([name, images]): Node => makeNode(name, { images })));
  const { list } = snapshotOf(state);
  const images = podImages(makePod('p', { spec }));
  return Object.fromEntries(list.map((node) => [node.name, imageLocalityScore(images, node, list.length)]));
}

describe('ImageLocality score (TestImageLocalityPriority)', () => {
  it('prefers the node with the larger image, each image spread on one of two nodes: 0, 5', () => {
    expect(scores({ containers: containers('gcr.io/40', 'gcr.io/250') }, ['node1', NODE_40_300_2000], ['node2', NODE_250_10])).toEqual({ node1: 0, node2: 5 });
  });

  it('prefers the node with both images: 7, 0', () => {
    expect(scores({ containers: containers('gcr.io/40', 'gcr.io/300') }, ['node1', NODE_40_300_2000], ['node2', NODE_250_10])).toEqual({ node1: 7, node2: 0 });
  });

  it('caps the sum at the limit: 100, 0', () => {
    expect(scores({ containers: containers('gcr.io/10', 'gcr.io/4000') }, ['node1', NODE_4000_30], ['node2', NODE_250_10])).toEqual({ node1: 100, node2: 0 });
  });

  it('scales by the share of nodes holding the image, a node without images included: 66, 0, 0', () => {
    expect(scores({ containers: containers('gcr.io/10', 'gcr.io/4000') }, ['node1', NODE_4000_30], ['node2', NODE_250_10], ['node3', []])).toEqual({ node1: 66, node2: 0, node3: 0 });
  });

  it('adds several large images: 32, 36, 0', () => {
    const spec = { containers: containers('gcr.io/300', 'gcr.io/600', 'gcr.io/900') };
    expect(scores(spec, ['node1', NODE_600_40_900], ['node2', NODE_300_600_900], ['node3', []])).toEqual({ node1: 32, node2: 36, node3: 0 });
  });

  it('adds several small images: 1, 0', () => {
    expect(scores({ containers: containers('gcr.io/30', 'gcr.io/40') }, ['node1', NODE_20_30_40], ['node2', NODE_4000_30])).toEqual({ node1: 1, node2: 0 });
  });

  it('counts init containers, in the images and in the threshold: 6, 0', () => {
    const spec = { containers: containers('gcr.io/30'), initContainers: containers('gcr.io/300') };
    expect(scores(spec, ['node1', NODE_40_300_2000], ['node2', NODE_20_30_40])).toEqual({ node1: 6, node2: 0 });
  });
});

describe('normalizedImageName (TestNormalizedImageName)', () => {
  it('adds :latest to an untagged name, registry port or not, and keeps tags and digests', () => {
    expect(normalizedImageName('root')).toBe('root:latest');
    expect(normalizedImageName('gcr.io:5000/root')).toBe('gcr.io:5000/root:latest');
    expect(normalizedImageName('root:tag')).toBe('root:tag');
    const digest = `root@sha256:${'a'.repeat(64)}`;
    expect(normalizedImageName(digest)).toBe(digest);
  });
});
