// What a simulated container image does when the kubelet runs it: how long its pull and start
// take, when it turns ready, whether it exits on its own, how long it takes to stop, and what its
// probes see. Scenarios describe images by name with a `default` entry; anything an entry leaves
// out comes from `default`, then from the built-in defaults below.

export interface ImageBehaviour {
  /** Time to pull the image before the container can be created. */
  readonly pullMs: number;
  /** Time from creating the container to its process running. */
  readonly startMs: number;
  /** Time from running to passing readiness. */
  readonly readyMs: number;
  /** The process finishes on its own this long after it starts (a batch job). */
  readonly runForMs?: number;
  /** The process dies this long after it starts (a crashing service). */
  readonly crashAfterMs?: number;
  /** The exit code when the process ends on its own (runFor or crashAfter). */
  readonly exitCode: number;
  /** Time the process takes to exit after SIGTERM; past the grace period it is killed. */
  readonly stopMs: number;
  /** Time from running until a liveness probe starts failing (the process hangs); never when absent. */
  readonly livenessFailsAfterMs?: number;
  /** Time from running until a startup probe passes; at once when absent. */
  readonly startupTakesMs?: number;
  /** What a failing exec probe prints, quoted in the Unhealthy event; nothing when absent. */
  readonly probeOutput?: string;
  /** How long the app takes to answer an exec, HTTP or gRPC probe; a probe whose timeoutSeconds is shorter times out. At once when absent. */
  readonly probeTakesMs?: number;
  /** The registry does not have this image: every pull fails. */
  readonly missing?: boolean;
  /** The image's size, reported in node.status.images and the Pulled event; 0 when absent. */
  readonly sizeBytes?: number;
}

export type ImageCatalog = (image: string) => ImageBehaviour;

/** One entry of a scenario's image table, every field optional. */
export type ImageSpec = Partial<ImageBehaviour>;

/**
 * Built-in defaults: images are already cached (no pull), a container takes a second to start,
 * is ready as soon as it runs, runs until stopped, and exits at once on SIGTERM.
 */
export const BUILT_IN_BEHAVIOUR: ImageBehaviour = {
  pullMs: 0,
  startMs: 1000,
  readyMs: 0,
  exitCode: 0,
  stopMs: 0,
};

/** Exit code of a crashing image whose entries name none: any non-zero code reads as a failure. */
export const CRASH_EXIT_CODE = 1;

export const DEFAULT_ENTRY = 'default';

/** The image's repository, without tag or digest: "registry:5000/app:1.0@sha256:..." is "registry:5000/app". */
export function repositoryOf(image: string): string {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const lastColon = withoutDigest.lastIndexOf(':');
  return lastColon > lastSlash ? withoutDigest.slice(0, lastColon) : withoutDigest;
}

function entryFor(entries: Readonly<Record<string, ImageSpec>>, image: string): ImageSpec {
  if (Object.hasOwn(entries, image)) return entries[image] ?? {};
  const repository = repositoryOf(image);
  return Object.hasOwn(entries, repository) ? (entries[repository] ?? {}) : {};
}

/** The optional keys, taken from the entry, then the default entry, and left out when neither sets them. */
function optionalKeys(entry: ImageSpec, fallback: ImageSpec): Partial<ImageBehaviour> {
  const keys = ['livenessFailsAfterMs', 'startupTakesMs', 'probeOutput', 'probeTakesMs', 'missing', 'sizeBytes'] as const;
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    const value = entry[key] ?? fallback[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked as Partial<ImageBehaviour>;
}

function resolve(entry: ImageSpec, fallback: ImageSpec): ImageBehaviour {
  const runForMs = entry.runForMs ?? fallback.runForMs;
  const crashAfterMs = entry.crashAfterMs ?? fallback.crashAfterMs;
  // An image that only crashes should fail when nobody named its exit code.
  const builtInExit =
    crashAfterMs !== undefined && runForMs === undefined ? CRASH_EXIT_CODE : BUILT_IN_BEHAVIOUR.exitCode;
  return {
    pullMs: entry.pullMs ?? fallback.pullMs ?? BUILT_IN_BEHAVIOUR.pullMs,
    startMs: entry.startMs ?? fallback.startMs ?? BUILT_IN_BEHAVIOUR.startMs,
    readyMs: entry.readyMs ?? fallback.readyMs ?? BUILT_IN_BEHAVIOUR.readyMs,
    ...(runForMs === undefined ? {} : { runForMs }),
    ...(crashAfterMs === undefined ? {} : { crashAfterMs }),
    exitCode: entry.exitCode ?? fallback.exitCode ?? builtInExit,
    stopMs: entry.stopMs ?? fallback.stopMs ?? BUILT_IN_BEHAVIOUR.stopMs,
    ...optionalKeys(entry, fallback),
  };
}

/**
 * A catalog from a scenario's image table. An image is looked up by its full reference, then by
 * its repository (so `nginx` covers `nginx:1.25`), then falls back to the `default` entry alone.
 */
export function imageCatalog(entries: Readonly<Record<string, ImageSpec>> = {}): ImageCatalog {
  const fallback = Object.hasOwn(entries, DEFAULT_ENTRY) ? (entries[DEFAULT_ENTRY] ?? {}) : {};
  const resolved = new Map<string, ImageBehaviour>();
  return (image) => {
    const known = resolved.get(image);
    if (known !== undefined) return known;
    const behaviour = resolve(entryFor(entries, image), fallback);
    resolved.set(image, behaviour);
    return behaviour;
  };
}

/** When the process ends on its own, measured from its start; undefined when it runs until stopped. */
export function exitAfterMs(behaviour: ImageBehaviour): number | undefined {
  const { runForMs, crashAfterMs } = behaviour;
  if (runForMs === undefined) return crashAfterMs;
  return crashAfterMs === undefined ? runForMs : Math.min(runForMs, crashAfterMs);
}
