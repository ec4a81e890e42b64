// The images a node reports in node.status.images, as the kubelet's Images setter does
// (pkg/kubelet/nodestatus/setters.go over the image manager's list): largest first, at most 50
// (nodeStatusMaxImages), each with its names and size. The scheduler's ImageLocality reads it.
// Equal sizes are ordered by name, so the list is the same on every run.

import type { ContainerImage } from '../../core/objects.ts';
import type { NodeRuntime } from './memory.ts';

export const MAX_IMAGES_IN_NODE_STATUS = 50;

export function nodeImages(runtime: NodeRuntime): ContainerImage[] {
  return [...runtime.images.entries()]
    .sort(([nameA, a], [nameB, b]) => b.sizeBytes - a.sizeBytes || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .slice(0, MAX_IMAGES_IN_NODE_STATUS)
    .map(([, image]) => ({ names: [...image.names], sizeBytes: image.sizeBytes }));
}
