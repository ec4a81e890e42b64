// The hashes controllers name things with. controller.ComputeHash (pkg/controller/controller_utils.go)
// gives a Deployment's pod-template-hash and a DaemonSet's controller-revision-hash: 32-bit FNV-1a
// over the pod template, then the collision count as eight little-endian bytes when there is one.
// history.HashControllerRevision (pkg/controller/history) gives a StatefulSet's revisions: FNV-1
// over the revision's data, then the collision count as decimal text. Both end in
// rand.SafeEncodeString of the decimal sum, so names look like upstream's ("web-5d4f8b7c9").
// Upstream feeds the hasher Go's spew dump of the struct (or its codec's bytes), which JSON cannot
// reproduce; we hash canonicalJson instead, so values differ from a real cluster's while equal
// templates still share a name and a bumped collision count still gives a new one.

import { canonicalJson } from '../../core/canonical-json.ts';

const FNV_OFFSET_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;

/** FNV-1a: xor each byte, then multiply (Go's hash/fnv New32a). */
export function fnv1a32(bytes: Uint8Array, seed: number = FNV_OFFSET_32): number {
  let hash = seed >>> 0;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME_32) >>> 0;
  return hash;
}

/** FNV-1: multiply, then xor each byte (Go's hash/fnv New32). */
export function fnv1_32(bytes: Uint8Array, seed: number = FNV_OFFSET_32): number {
  let hash = seed >>> 0;
  for (const byte of bytes) hash = (Math.imul(hash, FNV_PRIME_32) ^ byte) >>> 0;
  return hash;
}

/** The alphabet of rand.SafeEncodeString: no vowels and no 0, 1 or 3, so no accidental words. */
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.SafeEncodeString: each character mapped onto the safe alphabet by its code point. */
export function safeEncodeString(text: string): string {
  let encoded = '';
  for (const char of text) encoded += SAFE_ALPHABET[(char.codePointAt(0) ?? 0) % SAFE_ALPHABET.length];
  return encoded;
}

const encoder = new TextEncoder();

/** controller.ComputeHash: no count (undefined) writes nothing, which is not the same as 0. */
export function computeHash(template: unknown, collisionCount?: number): string {
  let hash = fnv1a32(encoder.encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv1a32(bytes, hash);
  }
  return safeEncodeString(String(hash));
}

/** history.HashControllerRevision; the probe is the collision count. */
export function hashControllerRevision(data: unknown, probe: number | undefined): string {
  let hash = fnv1_32(encoder.encode(canonicalJson(data)));
  if (probe !== undefined) hash = fnv1_32(encoder.encode(String(probe)), hash);
  return safeEncodeString(String(hash));
}
