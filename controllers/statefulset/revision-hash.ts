// The name of a StatefulSet's ControllerRevision, `${set}-${hash}`, as ControllerRevisionName
// (pkg/controller/history) makes it from history.HashControllerRevision (controllers/common/hash.ts).

export { hashControllerRevision } from '../common/hash.ts';

/** ControllerRevisionName keeps names within 253 characters. */
const MAX_PREFIX_LENGTH = 223;

export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > MAX_PREFIX_LENGTH ? prefix.slice(0, MAX_PREFIX_LENGTH) : prefix}-${hash}`;
}
