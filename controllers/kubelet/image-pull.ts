// The kubelet's image manager (pkg/kubelet/images/image_manager.go, EnsureImageExists) over one
// node's image cache. The pull policy decides: Never uses the image only if the node has it
// (ErrImageNeverPull otherwise), IfNotPresent pulls only a missing image, Always pulls every time.
// A pull waits for the node's one puller (serializeImagePulls, the kubelet's default), so a second
// pull on the node starts when the first ends; "Pulled" gives the pull's own time and the time
// including that wait. A failed pull starts a back-off for the pod and image (10 s doubling to
// 5 min); a start inside it fails at once with ImagePullBackOff, quoting the last error.
//
// A pull of an image the node has, or that a pull queued before it brings, only checks the
// registry: it takes no time of its own (upstream's runtime finds the layers and returns at once).
// An image whose catalogue entry has no pull time is on every node from the start (the built-in
// default, so runs that say nothing of images see "already present on machine"). ksim's registry
// answers a missing image at once: the failure takes no time, beyond the wait for the puller.

import type { EventRecord } from '../../core/commands.ts';
import { defaultImagePullPolicy } from '../../kinds/validation/pod-defaults.ts';
import { inBackoffSinceUpdate, nextBackoff } from './backoff.ts';
import { type ContainerRef, containerEvent, startFailedEvent } from './container-events.ts';
import type { ImageBehaviour } from './image-behaviour.ts';
import { fullyQualified, reportedNames } from './image-names.ts';
import type { NodeRuntime, PodMemory } from './memory.ts';
import { formatGoDuration } from './ticks.ts';

export const ERR_IMAGE_PULL = 'ErrImagePull';
export const IMAGE_PULL_BACK_OFF = 'ImagePullBackOff';
export const ERR_IMAGE_NEVER_PULL = 'ErrImageNeverPull';

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

export interface ImageRequest {
  readonly ref: ContainerRef;
  /** The image as the container spec writes it. */
  readonly image: string;
  readonly policy: PullPolicy;
  readonly behaviour: ImageBehaviour;
}

export interface Waiting {
  readonly reason: string;
  readonly message: string;
}

export type ImageOutcome =
  | { readonly kind: 'present'; readonly events: EventRecord[] }
  | { readonly kind: 'pulling'; readonly pullDoneMs: number; readonly pullMs: number; readonly fails: boolean; readonly events: EventRecord[] }
  | { readonly kind: 'refused'; readonly waiting: Waiting; readonly events: EventRecord[] };

/** The container's imagePullPolicy, defaulted as the API server would for a pod built without it. */
export function pullPolicyOf(container: { readonly image: string; readonly imagePullPolicy?: unknown }): PullPolicy {
  const policy = container.imagePullPolicy;
  return policy === 'Always' || policy === 'IfNotPresent' || policy === 'Never' ? policy : defaultImagePullPolicy(container.image);
}

/** containerd's answer for a reference the registry does not have. */
export function notFoundMessage(image: string): string {
  const full = fullyQualified(image);
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
}

function present(node: NodeRuntime, image: string, behaviour: ImageBehaviour): boolean {
  const preloaded = behaviour.pullMs === 0 && behaviour.missing !== true;
  return preloaded || node.images.has(fullyQualified(image));
}

/** EnsureImageExists at `nowMs`, up to handing the pull to the node's puller. */
export function ensureImage(node: NodeRuntime, pod: PodMemory, request: ImageRequest, nowMs: number): ImageOutcome {
  const { ref, image, policy, behaviour } = request;
  const cached = present(node, image, behaviour);
  if (policy === 'Never' || (policy === 'IfNotPresent' && cached)) {
    if (cached) {
      return { kind: 'present', events: [containerEvent(ref, 'Normal', 'Pulled', `Container image "${image}" already present on machine`)] };
    }
    const message = `Container image "${image}" is not present with pull policy of Never`;
    return {
      kind: 'refused',
      waiting: { reason: ERR_IMAGE_NEVER_PULL, message },
      events: [containerEvent(ref, 'Warning', ERR_IMAGE_NEVER_PULL, message), startFailedEvent(ref, ERR_IMAGE_NEVER_PULL)],
    };
  }
  if (inBackoffSinceUpdate(pod.pullBackoff.get(image), nowMs)) {
    const event = `Back-off pulling image "${image}"`;
    const previous = pod.pullErrors.get(image);
    return {
      kind: 'refused',
      waiting: { reason: IMAGE_PULL_BACK_OFF, message: previous === undefined ? event : `${event}: ${previous}` },
      events: [containerEvent(ref, 'Normal', 'BackOff', event), startFailedEvent(ref, IMAGE_PULL_BACK_OFF)],
    };
  }
  pod.pullErrors.delete(image);
  const fails = behaviour.missing === true;
  const startMs = Math.max(nowMs, node.pullerFreeAtMs);
  // A pull queued behind one of the same image finds its layers there when its turn comes.
  const key = fullyQualified(image);
  const arriving = node.arriving.get(key);
  const pullMs = fails || cached || (arriving !== undefined && arriving <= startMs) ? 0 : behaviour.pullMs;
  node.pullerFreeAtMs = startMs + pullMs;
  if (!fails) node.arriving.set(key, startMs + pullMs);
  return {
    kind: 'pulling',
    pullDoneMs: startMs + pullMs,
    pullMs,
    fails,
    events: [containerEvent(ref, 'Normal', 'Pulling', `Pulling image "${image}"`)],
  };
}

/** The pull handed out at `decidedMs` has ended: the image is on the node, or the pull failed. */
export function finishPull(
  node: NodeRuntime,
  pod: PodMemory,
  request: ImageRequest,
  pull: { readonly decidedMs: number; readonly pullDoneMs: number; readonly pullMs: number; readonly fails: boolean },
): { readonly waiting?: Waiting; readonly events: EventRecord[] } {
  const { ref, image, behaviour } = request;
  const doneMs = pull.pullDoneMs;
  if (pull.fails) {
    const error = notFoundMessage(image);
    pod.pullBackoff.set(image, nextBackoff(pod.pullBackoff.get(image), doneMs, doneMs));
    pod.pullErrors.set(image, `${ERR_IMAGE_PULL}: ${error}`);
    return {
      waiting: { reason: ERR_IMAGE_PULL, message: error },
      events: [containerEvent(ref, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`), startFailedEvent(ref, ERR_IMAGE_PULL)],
    };
  }
  const sizeBytes = behaviour.sizeBytes ?? 0;
  const key = fullyQualified(image);
  const known = node.images.get(key);
  const names = [...new Set([...(known?.names ?? []), ...reportedNames(image)])].slice(0, 5);
  node.images.set(key, { names, sizeBytes });
  const message =
    `Successfully pulled image "${image}" in ${formatGoDuration(pull.pullMs)} ` +
    `(${formatGoDuration(doneMs - pull.decidedMs)} including waiting). Image size: ${sizeBytes} bytes.`;
  return { events: [containerEvent(ref, 'Normal', 'Pulled', message)] };
}

/** An image found on the node without a pull (pull time 0 in the catalogue) joins the node's list. */
export function noteImageUsed(node: NodeRuntime, image: string, behaviour: ImageBehaviour): void {
  const key = fullyQualified(image);
  if (!node.images.has(key)) node.images.set(key, { names: reportedNames(image), sizeBytes: behaviour.sizeBytes ?? 0 });
}
