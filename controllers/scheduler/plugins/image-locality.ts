// ImageLocality (pkg/scheduler/framework/plugins/imagelocality/image_locality.go): favours nodes
// that already have the pod's images, as the kubelets report them in node.status.images. Each
// image present scores its size scaled by the share of nodes that have it (so an image on every
// node does not pull pods together); the sum, clamped between 23 MiB and 1000 MiB per container,
// maps linearly onto 0..100. Init containers count, as in upstream since v1.28. Not normalised.

import type { Pod } from '../../../core/objects.ts';
import type { NodeView } from '../node-views.ts';
import { MAX_NODE_SCORE } from '../normalize-score.ts';

export const IMAGE_LOCALITY_WEIGHT = 1;
const MB = 1024 * 1024;
export const MIN_THRESHOLD_BYTES = 23 * MB;
export const MAX_CONTAINER_THRESHOLD_BYTES = 1000 * MB;

/** normalizedImageName: an image without a tag after its last "/" gets ":latest". */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** The pod's images, normalised once per cycle, init containers first as upstream sums them. */
export function podImages(pod: Pod): readonly string[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((container) => normalizedImageName(container.image));
}

/** calculatePriority: the summed scores scaled onto 0..100 between the thresholds, with integer division. */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD_BYTES * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD_BYTES), maxThreshold);
  return Math.floor((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD_BYTES)) / (maxThreshold - MIN_THRESHOLD_BYTES));
}

/** sumImageScores with scaledImageScore: size times the share of nodes holding the image, truncated. */
export function imageLocalityScore(images: readonly string[], node: NodeView, totalNumNodes: number): number {
  if (node.images.size === 0 || images.length === 0) return 0;
  let sum = 0;
  for (const image of images) {
    const state = node.images.get(image);
    if (state !== undefined) sum += Math.trunc(state.sizeBytes * (state.numNodes / totalNumNodes));
  }
  return calculatePriority(sum, images.length);
}
