// The scenario's `images` section, as written (`pull: 1s`), translated to the kubelet's image
// catalogue (`pullMs: 1000`). Lookup and defaulting rules live with the kubelet.

import { type ImageCatalog, imageCatalog as kubeletCatalog, type ImageSpec } from '../controllers/kubelet/image-behaviour.ts';
import { parseWholeUnits } from '../core/quantity.ts';
import type { ImageBehaviourInput } from './codecs.ts';

function toSpec(input: ImageBehaviourInput): ImageSpec {
  return {
    ...(input.pull === undefined ? {} : { pullMs: input.pull }),
    ...(input.start === undefined ? {} : { startMs: input.start }),
    ...(input.ready === undefined ? {} : { readyMs: input.ready }),
    ...(input.runFor === undefined ? {} : { runForMs: input.runFor }),
    ...(input.crashAfter === undefined ? {} : { crashAfterMs: input.crashAfter }),
    ...(input.stop === undefined ? {} : { stopMs: input.stop }),
    ...(input.exitCode === undefined ? {} : { exitCode: input.exitCode }),
    ...(input.livenessFailsAfter === undefined ? {} : { livenessFailsAfterMs: input.livenessFailsAfter }),
    ...(input.startupTakes === undefined ? {} : { startupTakesMs: input.startupTakes }),
    ...(input.probeOutput === undefined ? {} : { probeOutput: input.probeOutput }),
    ...(input.probeTakes === undefined ? {} : { probeTakesMs: input.probeTakes }),
    ...(input.missing === undefined ? {} : { missing: input.missing }),
    ...(input.size === undefined ? {} : { sizeBytes: parseWholeUnits(input.size) ?? 0 }),
  };
}

export function imageCatalog(images: Readonly<Record<string, ImageBehaviourInput>>): ImageCatalog {
  return kubeletCatalog(Object.fromEntries(Object.entries(images).map(([image, input]) => [image, toSpec(input)])));
}
