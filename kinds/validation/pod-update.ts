// What an update may change in a pod's spec, as upstream's ValidatePodUpdate
// (pkg/apis/core/validation/validation.go) decides: the images of its containers and init
// containers, activeDeadlineSeconds (set, or lowered), additions to its tolerations, and
// terminationGracePeriodSeconds from a negative value to 1. Anything else is refused with
// upstream's Forbidden message (less the spec diff upstream appends after it).

import { sameJson } from '../../core/canonical-json.ts';
import type { Container, PodSpec, Toleration } from '../../core/objects.ts';
import { type FieldError, forbidden, invalid, MAX_INT32, required } from './field-errors.ts';
import { withFields } from '../../core/with-fields.ts';

export const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** ValidateContainerUpdates: the same containers, each with an image and no stray whitespace. */
function containerUpdates(path: string, next: readonly Container[], current: readonly Container[]): { errors: FieldError[]; stop: boolean } {
  if (next.length !== current.length) return { errors: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errors: FieldError[] = [];
  next.forEach((container, index) => {
    const image = typeof container.image === 'string' ? container.image : '';
    if (image.length === 0) errors.push(required(`${path}[${index}].image`));
    else if (image.trim() !== image) errors.push(invalid(`${path}[${index}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errors, stop: false };
}

function activeDeadlineUpdate(next: PodSpec, current: PodSpec): FieldError[] {
  const path = 'spec.activeDeadlineSeconds';
  const wanted = next.activeDeadlineSeconds;
  const had = current.activeDeadlineSeconds;
  if (typeof wanted === 'number') {
    if (wanted < 0 || wanted > MAX_INT32) return [invalid(path, wanted, `must be between 0 and ${MAX_INT32}, inclusive`)];
    if (typeof had === 'number' && had < wanted) return [invalid(path, wanted, 'must be less than or equal to previous value')];
    return [];
  }
  return typeof had === 'number' ? [invalid(path, null, 'must not update from a positive integer to nil value')] : [];
}

/** validateOnlyAddedTolerations: each old toleration stays, only its tolerationSeconds may move. */
function tolerationUpdates(next: readonly Toleration[], current: readonly Toleration[]): FieldError[] {
  const strip = ({ tolerationSeconds: _seconds, ...rest }: Toleration) => rest;
  for (const old of current) {
    if (!next.some((candidate) => sameJson(strip(candidate), strip(old)))) {
      return [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
    }
  }
  return [];
}

/** The spec with every field an update may change put back as it was. */
function munged(next: PodSpec, current: PodSpec): PodSpec {
  const keepImages = (containers: readonly Container[], old: readonly Container[]) =>
    containers.map((container, index) => ({ ...container, image: old[index]?.image ?? container.image }));
  const { activeDeadlineSeconds: _deadline, tolerations: _tolerations, ...rest } = next;
  const grace = next.terminationGracePeriodSeconds;
  const oldGrace = current.terminationGracePeriodSeconds;
  const relaxedGrace = oldGrace !== undefined && oldGrace < 0 && grace === 1;
  return withFields(rest, {
    containers: keepImages(next.containers, current.containers),
    ...(next.initContainers === undefined ? {} : { initContainers: keepImages(next.initContainers, current.initContainers ?? []) }),
    ...(current.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: current.activeDeadlineSeconds }),
    ...(current.tolerations === undefined ? {} : { tolerations: current.tolerations }),
    ...(relaxedGrace ? { terminationGracePeriodSeconds: oldGrace } : {}),
  });
}

/** The errors of updating a pod's spec from `current` to `next` (both defaulted); none when allowed. */
export function validatePodSpecUpdate(next: PodSpec, current: PodSpec): FieldError[] {
  const containers = containerUpdates('spec.containers', next.containers, current.containers);
  if (containers.stop) return containers.errors;
  const inits = containerUpdates('spec.initContainers', next.initContainers ?? [], current.initContainers ?? []);
  if (inits.stop) return [...containers.errors, ...inits.errors];
  const deadline = activeDeadlineUpdate(next, current);
  const errors = [...containers.errors, ...inits.errors, ...deadline];
  if (deadline.length > 0) return errors;
  errors.push(...tolerationUpdates(next.tolerations ?? [], current.tolerations ?? []));
  if (!sameJson(munged(next, current), current)) errors.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errors;
}
