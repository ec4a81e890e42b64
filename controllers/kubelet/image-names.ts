// Image references as the container runtime normalises them (docker's ParseNormalizedNamed): a
// name without a registry is on docker.io, a single-part name there is under library/, and a
// reference without tag or digest means :latest. The node's image cache is keyed by the fully
// qualified reference, so "nginx:1.27" and "docker.io/library/nginx:1.27" are one image.

/** The reference with ":latest" when it names neither tag nor digest (applyDefaultImageTag). */
export function withDefaultTag(image: string): string {
  if (image.includes('@')) return image;
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  return lastColon > lastSlash ? image : `${image}:latest`;
}

function hasRegistry(firstPart: string): boolean {
  return firstPart.includes('.') || firstPart.includes(':') || firstPart === 'localhost';
}

/** "nginx" is "docker.io/library/nginx:latest"; "registry.local:5000/app:1" stays as it is. */
export function fullyQualified(image: string): string {
  const tagged = withDefaultTag(image);
  const slash = tagged.indexOf('/');
  if (slash !== -1 && hasRegistry(tagged.slice(0, slash))) return tagged;
  const path = slash === -1 ? `library/${tagged}` : tagged;
  return `docker.io/${path}`;
}

/** The names a node reports for an image (up to MaxNamesPerImageInNodeStatus = 5). */
export function reportedNames(image: string): string[] {
  const full = fullyQualified(image);
  const asWritten = withDefaultTag(image);
  return full === asWritten ? [full] : [full, asWritten];
}
